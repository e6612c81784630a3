import http from 'node:http';
import https from 'node:https';
import { type Readable, Transform } from 'node:stream';
import { addressAllowed } from './address-policy.js';
import { guardedLookup, hostOf, isIpLiteral, refused } from './guarded-lookup.js';

/** The Fetch API's shape, as the MCP SDK's HTTP transport takes it. */
export type FetchFunction = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** Statuses whose responses have no body by definition. */
const bodyless = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for clients that talk to user-given URLs (external MCP servers): every connection it
 * opens goes through the same address check as URL fetching (private, loopback and link-local
 * addresses are refused unless FETCH_ALLOWED_HOSTS allows them, checked at lookup time). It does
 * not follow redirects; a response body other than an event stream is capped at `maxBytes`.
 */
export function guardedFetch({
  allowedHosts,
  maxBytes,
}: {
  allowedHosts: readonly string[];
  maxBytes: number;
}): FetchFunction {
  return async (input, init = {}) => {
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`Only http and https URLs can be fetched, not ${url.protocol}`);
    const hostname = hostOf(url);
    if (isIpLiteral(hostname) && !addressAllowed(hostname, hostname, allowedHosts)) throw refused(url);
    const headers = new Headers(init.headers);
    headers.set('accept-encoding', 'identity');
    const body = await bodyBytes(init.body);
    const method = init.method ?? 'GET';
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(url, {
        method,
        headers: Object.fromEntries(headers),
        lookup: guardedLookup(url, allowedHosts),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      request.on('error', reject);
      request.once('response', (response) => {
        const status = response.statusCode ?? 502;
        // A web Response cannot hold a status outside 200–599; a server sending one is broken.
        if (status < 200 || status > 599) {
          response.destroy();
          return reject(new Error(`The server answered with an invalid HTTP status ${status}`));
        }
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const item of [value ?? []].flat()) responseHeaders.append(name, item);
        }
        const streaming = responseHeaders.get('content-type')?.startsWith('text/event-stream') ?? false;
        const content =
          bodyless.has(status) || method === 'HEAD' ? null : capped(response, streaming, maxBytes);
        resolve(
          new Response(content && webStream(content), {
            status,
            statusText: response.statusMessage ?? '',
            headers: responseHeaders,
          }),
        );
      });
      request.end(body);
    });
  };
}

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** The response, failing once more than `maxBytes` arrived (event streams run on without a cap). */
function capped(response: http.IncomingMessage, streaming: boolean, maxBytes: number): Readable {
  if (streaming) return response;
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new Error(`The response is larger than ${maxBytes} bytes`));
      callback(null, chunk);
    },
  });
  response.once('error', (error) => limit.destroy(error));
  limit.once('error', () => response.destroy());
  return response.pipe(limit);
}

/**
 * A Node stream as a web stream that stops reading when the reader cancels. (Node 20's
 * `Readable.toWeb` throws an uncaught error when data arrives after a cancel, which the MCP SDK
 * does to a response it will not read.)
 */
function webStream(readable: Readable): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      readable.pause();
      readable.on('data', (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) readable.pause();
      });
      readable.once('end', () => {
        if (!finished) controller.close();
        finished = true;
      });
      readable.once('error', (error) => {
        if (!finished) controller.error(error);
        finished = true;
      });
      // Closed before its end (the connection was cut): the reader must not wait forever.
      readable.once('close', () => {
        if (!finished) controller.error(new Error('The connection closed before the response ended'));
        finished = true;
      });
    },
    pull() {
      readable.resume();
    },
    cancel() {
      finished = true;
      readable.destroy();
    },
  });
}
