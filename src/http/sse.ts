import type { FastifyReply } from 'fastify';

export interface SseStream {
  /** Sends one event: its data (JSON unless already a string) and, when given, its id. */
  send(data: unknown, id?: string): void;
  end(): void;
  /** Called once when the client goes away or the stream ends. */
  onClose(listener: () => void): void;
}

const keepAliveMs = 15_000;

/**
 * Takes the response over for Server-Sent Events: the headers already set on the reply (security,
 * request id) plus `headers`, a comment every 15 s so proxies keep the connection, and a close
 * callback for a client that leaves.
 */
export function openSse(
  reply: FastifyReply,
  headers: Record<string, string>,
  {
    isFirstToken,
  }: {
    /**
     * Which event is the stream's first token: it leaves as it is sent. Node holds a chunked
     * answer's writes (it corks the socket) until the next tick, which comes only once every
     * promise job queued meanwhile has run: events sent while a burst of input is processed (a
     * model's chunks read at once) leave together once all of it is, which is cheaper, and
     * fine for every event but the first.
     */
    isFirstToken?: (data: unknown) => boolean;
  } = {},
): SseStream {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...headers });
  response.flushHeaders();
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs).unref();
  const listeners: (() => void)[] = [];
  let closed = false;
  /** The first token has been sent. */
  let tokenSent = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    for (const listener of listeners) listener();
  };
  response.on('close', close);
  // A client that left before the stream opened (while its turn was stored) will send no 'close'.
  if (response.destroyed) close();
  return {
    send(data, id) {
      if (closed) return;
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      response.write(`${id === undefined ? '' : `id: ${id}\n`}data: ${text}\n\n`);
      if (!tokenSent && isFirstToken?.(data)) {
        tokenSent = true;
        response.socket?.uncork();
      }
    },
    end() {
      if (!closed) response.end();
      close();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
