import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request as the SDK's web-standard transport reads it: method, URL and headers (ours given the
 * last word: the request id its handlers report failures under). The body is not carried: Fastify
 * has parsed it, and the transport takes the parsed body beside the request. The URL's origin is a
 * fixed one: the transport reads only its path, and the Host header has been checked already.
 */
export function webRequestOf(raw: IncomingMessage, ownHeaders: Record<string, string>): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else headers.set(name, value);
  }
  for (const [name, value] of Object.entries(ownHeaders)) headers.set(name, value);
  return new Request(new URL(raw.url ?? '/', 'http://localhost'), { method: raw.method, headers });
}

/** Marks a read that has not settled by the next microtask. */
const notYet = Symbol('not yet');

/**
 * Writes the transport's answer to the Node response as it comes: the status and headers, then the
 * body's chunks (an SSE stream stays open until the transport ends it). The headers go out with
 * the first chunk when one is ready at once, and alone otherwise, so a client sees a stream open
 * before its first event. Never waits to learn a length: the SDK's own Node adapter holds a stream
 * whose first chunk (the resumable stream's priming event) came alone for a timer tick (about
 * 1 ms), and that was half of a tool call's time. A client that goes away cancels the stream.
 */
export async function writeWebResponse(answer: Response, response: ServerResponse): Promise<void> {
  response.writeHead(answer.status, headersOf(answer));
  if (!answer.body) return void response.end();
  const reader = answer.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  // A client gone while the transport prepared its answer has closed already: no 'close' is to come.
  if (response.destroyed) return cancel();
  response.once('close', cancel);
  try {
    let next = reader.read();
    if ((await Promise.race([next, Promise.resolve(notYet)])) === notYet) response.flushHeaders();
    for (;;) {
      const { done, value } = await next;
      if (done) return void response.end();
      if (!response.write(value)) await drained(response);
      if (response.destroyed) return cancel();
      next = reader.read();
    }
  } finally {
    response.off('close', cancel);
  }
}

function headersOf(answer: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of answer.headers) headers[name] = value;
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}

/** Resolves when the response can take more, or is closed. */
function drained(response: ServerResponse): Promise<void> {
  if (response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}
