import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request as the SDK's web-standard transport reads it: method, URL and headers (ours given the
 * last word: the request id its handlers report failures under). The body is not carried: Fastify
 * has parsed it, and the transport takes the parsed body beside the request. The URL's origin is a
 * fixed one: the transport reads only its path, and the Host header has been checked already.
 *
 * Not a `new Request`: the transport reads nothing else of it (an unparsed body only, which it
 * never gets: every POST comes with its parsed body, and reading one from this would fail as a
 * parse error), and undici's constructor (URL and method checks, an AbortSignal) cost about 10 µs
 * of CPU a call, five times the rest of this.
 */
export function webRequestOf(raw: IncomingMessage, ownHeaders: Record<string, string>): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else headers.set(name, value);
  }
  for (const [name, value] of Object.entries(ownHeaders)) headers.set(name, value);
  const request: Pick<Request, 'method' | 'url' | 'headers'> = {
    method: raw.method ?? 'GET',
    url: `http://localhost${raw.url ?? '/'}`,
    headers,
  };
  return request as Request;
}

/** Marks a read that has not settled by the next microtask. */
const notYet = Symbol('not yet');

/**
 * How long the first chunk waits for the second before it is sent alone. A session's answers begin
 * with the resumable stream's priming event (an event id, no data), ready at once, and the result
 * follows when the tool has done its work: sent apart, they were two writes (and two reads for the
 * client) where one does. The bound keeps a long call's stream opening (headers and resumption
 * point) within milliseconds, as before.
 */
export const firstChunkHoldMs = 10;

/**
 * Writes the transport's answer to the Node response as it comes: the status and headers, then the
 * body's chunks (an SSE stream stays open until the transport ends it). The headers go out with
 * the first chunk when one is ready at once, and alone otherwise, so a client sees a stream open
 * before its first event; a first chunk whose successor is not ready at once waits for it up to
 * `firstChunkHoldMs`, so the two leave in one write. Never waits to learn a length: the SDK's own
 * Node adapter holds a stream whose first chunk came alone for a timer tick (about 1 ms), and that
 * was half of a tool call's time. A client that goes away cancels the stream.
 */
export async function writeWebResponse(answer: Response, response: ServerResponse): Promise<void> {
  response.writeHead(answer.status, headersOf(answer));
  if (!answer.body) return void response.end();
  const reader = answer.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  // A client gone while the transport prepared its answer has closed already: no 'close' is to come.
  if (response.destroyed) return cancel();
  response.once('close', cancel);
  let release: (() => void) | undefined;
  try {
    let next = reader.read();
    // Headers sent alone (no chunk was ready) already opened the stream: nothing is held then.
    let mayHold = (await settledNow(next)) !== notYet;
    if (mayHold) release = holdWrites(response);
    else response.flushHeaders();
    for (;;) {
      const { done, value } = await next;
      if (done) return void response.end(); // sends what is held, in the same write
      const room = response.write(value);
      next = reader.read();
      const ready = room && (await settledNow(next)) !== notYet;
      // The first chunk stays held while the next is not ready (up to the hold's bound); any
      // later chunk is sent once nothing more is ready at once.
      if (!ready && !(mayHold && room)) {
        release?.();
        release = undefined;
      }
      mayHold = false;
      if (!room) await drained(response);
      if (response.destroyed) return cancel();
    }
  } finally {
    release?.();
    response.off('close', cancel);
  }
}

/** The read's result if it settles by the next microtask, or `notYet`. */
function settledNow<T>(read: Promise<T>): Promise<T | typeof notYet> {
  return Promise.race([read, Promise.resolve(notYet)]);
}

/**
 * Keeps what the response writes in the socket's buffer (corked) until the returned release is
 * called or `firstChunkHoldMs` pass. Node corks a write only until the next tick, and not when the
 * socket is corked already; `end()` uncorks fully.
 */
function holdWrites(response: ServerResponse): () => void {
  const socket = response.socket;
  if (!socket) return () => {};
  socket.cork();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    if (socket.writableCorked > 0) socket.uncork();
  };
  const timer = setTimeout(release, firstChunkHoldMs);
  return release;
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
