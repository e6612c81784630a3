import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { HelmetOptions } from 'helmet';

/**
 * Helmet, the package @fastify/helmet wraps, resolved as that plugin's own dependency. The plugin
 * builds Helmet's middleware again on every request (parsing the CSP directives each time), which
 * cost about a tenth of a /readyz; our headers never vary by request, so they are worked out once.
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
 * Sends Helmet's headers for `options` on every answer. Set on the raw response, as the plugin did,
 * so answers a handler writes itself (MCP, event streams) carry them too, and a route may still
 * replace one (a document's sandboxing CSP).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const headers = Object.entries(helmetHeaders(options));
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
