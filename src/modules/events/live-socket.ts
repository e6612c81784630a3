import type { WebSocket } from 'ws';
import type { UserActor } from '../../actor.js';
import type { EventFeed } from './service.js';

/** Past this much unsent data the client is too slow: it is closed and may read the history instead. */
const bufferedAtMost = 1024 * 1024;

/** WebSocket close codes we use. */
const closeCodes = { policy: 1008, tryAgainLater: 1013 } as const;

/**
 * Serves one WebSocket: each new event of the user's (matching `types`) as one JSON text frame,
 * a ping every `pingIntervalMs` (no pong by the next one: the socket is cut), and the bus
 * subscription ended when the socket closes. Messages from the client are ignored.
 */
export function serveEventSocket({
  socket,
  feed,
  actor,
  types,
  pingIntervalMs,
}: {
  socket: WebSocket;
  feed: EventFeed;
  actor: UserActor;
  types: string | undefined;
  pingIntervalMs: number;
}) {
  let answered = true;
  const stop = feed.follow(
    actor,
    { types },
    {
      onEvent(event) {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > bufferedAtMost)
          return socket.close(
            closeCodes.tryAgainLater,
            'Too slow: reconnect, and read the history for what you missed',
          );
        socket.send(JSON.stringify(event));
      },
      onRevoked: () => socket.close(closeCodes.policy, 'The credential was revoked or the account changed'),
    },
  );
  const keepAlive = setInterval(() => {
    if (!answered) return socket.terminate();
    answered = false;
    socket.ping();
  }, pingIntervalMs);
  socket.on('pong', () => (answered = true));
  socket.once('close', () => {
    clearInterval(keepAlive);
    stop();
  });
}
