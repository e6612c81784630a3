import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http';
import { createRequire } from 'node:module';
import type { HelmetOptions } from 'helmet';

/**
 * Helmet, the package @fastify/helmet wraps, resolved as that plugin's own dependency. Our headers
 * never vary by request, so they are worked out once from Helmet's own rules.
 */
const helmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as (
  options: HelmetOptions,
) => (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** The headers Helmet sets for `options`, worked out once by running it against a recording response. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recording = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return recording;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recording as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Of Helmet's headers, those that protect a JSON answer (OWASP's REST Security Cheat Sheet: CSP's
 * frame-ancestors, X-Frame-Options, nosniff, HSTS; and CORP, which keeps another site's page from
 * loading it cross-origin). The rest steer what a rendered document does (its links' referrer,
 * DNS prefetching, its browsing context group, the old IE and XSS-auditor switches, Flash and PDF
 * policy files), and a browser renders no JSON answer as a document.
 */
const jsonAnswerHeaders = new Set([
  'content-security-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
]);

type Headers = OutgoingHttpHeaders | OutgoingHttpHeader[];

/** The headers each kind of answer gets: Helmet's full set for documents, the subset for JSON. */
export interface SecurityHeaders {
  document: HeaderSet;
  json: HeaderSet;
}

/** One set as a list, and as an object for the answers Fastify writes (copied in one step). */
interface HeaderSet {
  list: [string, string][];
  object: Record<string, string>;
}

export function securityHeaders(options: HelmetOptions): SecurityHeaders {
  const set = (list: [string, string][]) => {
    // Assigned one by one: Object.fromEntries' object was copied ten times slower.
    const object: Record<string, string> = {};
    for (const [name, value] of list) object[name] = value;
    return { list, object };
  };
  const document = Object.entries(helmetHeaders(options));
  return { document: set(document), json: set(document.filter(([name]) => jsonAnswerHeaders.has(name))) };
}

/**
 * A JSON answer that is not a user's document (those are sent with a Content-Disposition, and keep
 * the document set whatever their type). Anything else, or an answer of no declared type, is a
 * document.
 */
function isJsonAnswer(response: ServerResponse, given: OutgoingHttpHeaders | undefined): boolean {
  const type = given?.['content-type'] ?? given?.['Content-Type'] ?? response.getHeader('content-type');
  if (typeof type !== 'string' || !type.startsWith('application/json')) return false;
  return (
    given?.['content-disposition'] === undefined &&
    given?.['Content-Disposition'] === undefined &&
    !response.hasHeader('content-disposition')
  );
}

/**
 * The headers to write an answer with: `given` (what writeHead was passed) plus each security
 * header that neither it nor the response already has, so a route may still replace one (a
 * document's sandboxing CSP). Fastify's answers arrive as one object with nothing set on the
 * response: the result is that object over a copy of the set, which Node writes in one pass (no
 * setHeader per header). Otherwise the missing headers are set on the response and `given` is
 * passed on as it was.
 */
function withSecurityHeaders(
  response: ServerResponse,
  given: Headers | undefined,
  headers: SecurityHeaders,
): Headers | undefined {
  if (response.headersSent) return given; // writeHead throws its own error
  const plain = given !== undefined && given !== null && !Array.isArray(given) ? given : undefined;
  const chosen = isJsonAnswer(response, plain) ? headers.json : headers.document;
  if (plain) {
    const merged: OutgoingHttpHeaders = {};
    for (const [name, value] of chosen.list) merged[name] = value; // faster than a spread of a copy
    for (const key in plain) {
      const lower = key.toLowerCase();
      if (lower !== key) delete merged[lower];
      merged[key] = plain[key];
    }
    // What a handler set on the response stands, unless `given` replaces it (as Node does).
    for (const name of response.getHeaderNames())
      if (name in chosen.object && !(name in plain)) delete merged[name];
    return merged;
  }
  const named = Array.isArray(given) ? namesIn(given) : undefined;
  for (const [name, value] of chosen.list)
    if (!response.hasHeader(name) && !named?.has(name)) response.setHeader(name, value);
  return given;
}

/** The lower-case header names of writeHead's array forms ([name, value, …] or [[name, value], …]). */
function namesIn(given: OutgoingHttpHeader[]): Set<string> {
  const names = new Set<string>();
  for (let index = 0; index < given.length; index++) {
    const item = given[index];
    if (Array.isArray(item)) names.add(String(item[0]).toLowerCase());
    else if (index % 2 === 0) names.add(String(item).toLowerCase());
  }
  return names;
}

type WriteHead = (statusCode: number, reason?: string | Headers, given?: Headers) => ServerResponse;

/** writeHead that adds the security headers first; `write` is the one it wraps. */
function securedWriteHead(write: WriteHead, headers: SecurityHeaders): WriteHead {
  return function writeHead(this: ServerResponse, statusCode, reason, given) {
    if (typeof reason === 'string')
      return write.call(this, statusCode, reason, withSecurityHeaders(this, given, headers));
    return write.call(this, statusCode, withSecurityHeaders(this, reason ?? given, headers));
  };
}

/**
 * The ServerResponse the HTTP server answers with (Fastify's `http.ServerResponse` option): every
 * answer passes writeHead (Node calls it for an answer written without it), so each gets the
 * headers once, as it is written — Fastify's replies and those a handler writes itself (MCP,
 * event streams) alike — without a hook, and without setting each header on every response.
 */
function securedResponseClass(headers: SecurityHeaders): typeof ServerResponse {
  const SecuredResponse = responseConstructor();
  Object.defineProperty(SecuredResponse.prototype, 'writeHead', {
    value: securedWriteHead(ServerResponse.prototype.writeHead as WriteHead, headers),
    writable: true,
    configurable: true,
  });
  return SecuredResponse;
}

/**
 * A constructor of ServerResponses with a prototype of its own. Made as Node makes its own
 * (ServerResponse calls OutgoingMessage): a class extending it built each response through a
 * slower path (0.15 µs against 0.01). A Node whose ServerResponse is a class (which cannot be
 * called without `new`) gets a class.
 */
function responseConstructor(): typeof ServerResponse {
  if (/^class\b/.test(Function.prototype.toString.call(ServerResponse)))
    return class SecuredResponse extends ServerResponse {} as unknown as typeof ServerResponse;
  function SecuredResponse(this: ServerResponse, request: IncomingMessage, options?: object) {
    (ServerResponse as unknown as (request: IncomingMessage, options?: object) => void).call(
      this,
      request,
      options,
    );
  }
  Object.setPrototypeOf(SecuredResponse, ServerResponse);
  SecuredResponse.prototype = Object.create(ServerResponse.prototype, {
    constructor: { value: SecuredResponse, writable: true, configurable: true },
  }) as ServerResponse;
  return SecuredResponse as unknown as typeof ServerResponse;
}

/**
 * Helmet's headers for `options` on every answer: `ServerResponse` is the class for the server to
 * answer with (Fastify's `http` option); `secure(response)`, called on each request, wraps the
 * writeHead of a response the server did not make (`app.inject()`'s, a WebSocket upgrade's) alike
 * and leaves the server's own alone.
 */
export function securityHeaderWriter(options: HelmetOptions) {
  const headers = securityHeaders(options);
  const SecuredResponse = securedResponseClass(headers);
  const serverWriteHead = SecuredResponse.prototype.writeHead;
  return {
    ServerResponse: SecuredResponse,
    secure(response: ServerResponse) {
      if (response.writeHead === serverWriteHead) return;
      const own = response.writeHead as WriteHead;
      response.writeHead = securedWriteHead(own, headers) as ServerResponse['writeHead'];
    },
  };
}
