import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Unlisten } from './database.js';

type Handler = (payload: string) => void;

/**
 * One dedicated connection that LISTENs for the whole process (a pooled connection would drop its
 * LISTENs when returned). When it breaks, it reconnects with backoff and listens again.
 */
export function createNotificationListener({ url, logger }: { url: string; logger: Logger }) {
  const handlers = new Map<string, Set<Handler>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retryDelayMs = 500;
  let retryTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    next.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    next.on('error', (error) => onBroken(next, error));
    next.on('end', () => onBroken(next));
    try {
      await next.connect();
      for (const channel of handlers.keys()) await next.query(`LISTEN ${quoteIdentifier(channel)}`);
      if (closed) throw new Error('the notification listener was closed while connecting');
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    retryDelayMs = 500;
    client = next;
    return next;
  }

  function ensureConnected(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  function onBroken(broken: pg.Client, error?: Error) {
    if (closed || client !== broken) return;
    client = undefined;
    broken.removeAllListeners('end');
    void broken.end().catch(() => {});
    logger.warn({ err: error }, 'lost the database notification connection; reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed) return;
    retryTimer = setTimeout(() => {
      ensureConnected().catch((error) => {
        logger.warn(
          { err: error, retryInMs: retryDelayMs },
          'could not reconnect the notification connection',
        );
        scheduleReconnect();
      });
    }, retryDelayMs);
    retryTimer.unref();
    retryDelayMs = Math.min(retryDelayMs * 2, 30_000);
  }

  return {
    async listen(channel: string, handler: Handler): Promise<Unlisten> {
      const isNewChannel = !handlers.has(channel);
      const channelHandlers = handlers.get(channel) ?? new Set();
      channelHandlers.add(handler);
      handlers.set(channel, channelHandlers);
      try {
        const connection = await ensureConnected();
        if (isNewChannel) await connection.query(`LISTEN ${quoteIdentifier(channel)}`);
      } catch (error) {
        channelHandlers.delete(handler);
        if (channelHandlers.size === 0) handlers.delete(channel);
        throw error;
      }
      return async () => {
        channelHandlers.delete(handler);
        if (channelHandlers.size > 0 || handlers.get(channel) !== channelHandlers) return;
        handlers.delete(channel);
        await client?.query(`UNLISTEN ${quoteIdentifier(channel)}`);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      handlers.clear();
      await connecting?.catch(() => {});
      const open = client;
      client = undefined;
      await open?.end();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
