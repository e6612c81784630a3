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
 * body's chunks (an SSE stream stays open until the transport ends it). Chunks that are ready
 * together (within one tick of the event loop) leave in one write, as Node corks a response's
 * writes until the next tick; the headers go out alone when no chunk is ready in the first tick,
 * so a client sees a stream open before its first event; a first chunk whose successor is not
 * ready in its tick waits for it up to `firstChunkHoldMs`, so the two leave in one write. Never
 * waits to learn a length: the SDK's own Node adapter holds a stream whose first chunk came alone
 * for a timer tick (about 1 ms), and that was half of a tool call's time. A client that goes away
 * cancels the stream. Resolves once the answer has ended (or the client has gone).
 *
 * Callbacks rather than `await`s: every promise costs the durable engine's promise hook on
 * Node 20, and this runs on every MCP request (docs/decisions.md, seventh round).
 *
 * Call it from a promise continuation (after an `await`), as the MCP route does: "the first tick"
 * is then the rest of that run of promise jobs, in which the ready chunks are read. Called from a
 * plain callback, the tick's end comes before the first read, and the headers leave alone.
 */
export function writeWebResponse(answer: Response, response: ServerResponse): Promise<void> {
  response.writeHead(answer.status, headersOf(answer));
  const body = answer.body;
  if (!body) {
    response.end();
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    pump(body.getReader(), response, (error) => (error ? reject(error) : resolve())),
  );
}

type BodyReader = ReadableStreamDefaultReader<Uint8Array>;
type ReadResult = Awaited<ReturnType<BodyReader['read']>>;

/** Reads the body into the response, chunk by chunk, then calls `finished` once. */
function pump(reader: BodyReader, response: ServerResponse, finished: (error?: unknown) => void) {
  const cancel = () => void reader.cancel().catch(() => {});
  // A client gone while the transport prepared its answer has closed already: no 'close' is to come.
  if (response.destroyed) {
    cancel();
    return finished();
  }
  response.once('close', cancel);
  // Three states, shared with the first tick's check below: nothing written yet (the headers wait
  // for the tick's end), the first chunk written and held (for the next, within bounds), released.
  let written = 0;
  let firstTickOver = false;
  let hold: Hold | undefined;
  const stop = (error?: unknown) => {
    hold?.release();
    response.off('close', cancel);
    finished(error);
  };
  const onRead = ({ done, value }: ReadResult) => {
    try {
      if (done) {
        response.end(); // sends what is held, in the same write
        return stop();
      }
      // A first chunk of the first tick is held for the next (corked before it is written, so
      // that Node does not cork and uncork it on its own); a second chunk that comes later
      // releases both once its own tick is over, with what followed it in that tick.
      if (written === 0 && !firstTickOver) hold = holdWrites(response);
      const room = response.write(value);
      written += 1;
      if (written === 2 && firstTickOver) hold?.releaseAfterThisTick();
      if (!room) hold?.release();
      if (response.destroyed) {
        cancel();
        return stop();
      }
      if (room) read();
      else whenDrained(response, read);
    } catch (error) {
      stop(error);
    }
  };
  const read = () => void reader.read().then(onRead, stop);
  read();
  // The first tick's chunks are written by now: none, and the headers open the stream alone; one,
  // and it waits (within bounds) for the next; more, and they leave together now.
  process.nextTick(() => {
    firstTickOver = true;
    if (response.writableEnded) return;
    if (written === 0) response.flushHeaders();
    else if (written === 1) hold?.releaseWithin(firstChunkHoldMs);
    else hold?.release();
  });
}

interface Hold {
  release(): void;
  releaseAfterThisTick(): void;
  releaseWithin(ms: number): void;
}

/**
 * Keeps what the response writes in the socket's buffer (corked) until released. Node corks a
 * response's writes only until the next tick, and not when the socket is corked already; `end()`
 * uncorks fully.
 */
function holdWrites(response: ServerResponse): Hold | undefined {
  const socket = response.socket;
  if (!socket) return undefined;
  socket.cork();
  let held = true;
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    if (!held) return;
    held = false;
    if (timer) clearTimeout(timer);
    if (socket.writableCorked > 0) socket.uncork();
  };
  return {
    release,
    releaseAfterThisTick: () => process.nextTick(release),
    releaseWithin: (ms) => {
      if (held) timer = setTimeout(release, ms);
    },
  };
}

function headersOf(answer: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of answer.headers) headers[name] = value;
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}

/** Calls `then` when the response can take more, or is closed. */
function whenDrained(response: ServerResponse, then: () => void) {
  const done = () => {
    response.off('drain', done);
    response.off('close', done);
    then();
  };
  response.once('drain', done);
  response.once('close', done);
}
