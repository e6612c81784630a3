import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Once shutdown starts, the answers still in flight say `connection: close`, so keep-alive clients
 * cannot hold the server open (Node reaps only the connections idle when it starts closing; a
 * connection whose answer finishes later would wait out the keep-alive timeout). Requests that
 * arrive after are answered by Fastify itself (503, `connection: close`).
 *
 * The connections are followed as they open, and their answers are marked once, when shutdown
 * starts: the `onSend` hook that did this ran on every answer of the server's life to check a flag
 * that is set once, and kept Fastify's `onSend` runner on for every request.
 */
export function closeConnectionsOnShutdown(app: FastifyInstance) {
  const open = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  app.addHook('preClose', (done) => {
    for (const socket of open) {
      // The answer a connection is writing: Node's own field (`request.socket._httpMessage`), the
      // only way from a connection to its answer; a connection between requests has none.
      const answer = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
      if (answer && !answer.headersSent) answer.setHeader('connection', 'close');
    }
    done();
  });
}
