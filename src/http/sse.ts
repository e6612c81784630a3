import type { FastifyReply } from 'fastify';

export interface SseStream {
  /** Sends one event: its data (JSON unless already a string) and, when given, its id. */
  send(data: unknown, id?: string): void;
  /**
   * Sends the events sent so far now. Node holds a chunked answer's writes (it corks the socket)
   * until the next tick, which comes only once every promise job queued meanwhile has run: events
   * sent while a burst of input is processed leave together once all of it is, which is cheaper
   * but holds back the first of them.
   */
  flush(): void;
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
export function openSse(reply: FastifyReply, headers: Record<string, string>): SseStream {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...headers });
  response.flushHeaders();
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs).unref();
  const listeners: (() => void)[] = [];
  let closed = false;
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
    },
    flush() {
      response.socket?.uncork();
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
