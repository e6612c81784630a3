import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { redactUrl } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatabaseHandle } from './database.js';
import { migratePostgres } from './migrate.js';
import { createNotificationListener } from './notification-listener.js';
import * as schema from './schema.js';

/**
 * Opens a pool on a Postgres server: a shared one (any number of processes may do this at once) or
 * the embedded one, which open-embedded.ts starts and then opens through here.
 */
export async function openPostgresDatabase({
  url,
  logger,
  kind = 'postgres',
}: {
  url: string;
  logger: Logger;
  kind?: DatabaseHandle['kind'];
}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Two connections stay open however idle: pg-pool arms an idle timer on every release of a
    // connection above `min`, a timer per statement for a server that is never busier than that.
    min: 2,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new Error(`Could not connect to the database at ${redactUrl(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const listener = createNotificationListener({ url, logger });

  return {
    kind,
    db: drizzle(pool, { schema }),
    location: redactUrl(url),
    url,
    migrate: (options) => migratePostgres(pool, options),
    ping: () => pool.query('select 1'),
    stats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    recordServerUrl: () => {},
    close: once(async () => {
      try {
        await listener.close();
      } finally {
        await endPool(pool);
      }
    }),
  };
}

/** How long `endPool` waits for the connections to close before it lets the caller go on. */
const connectionsCloseMs = 2_000;

/**
 * Ends the pool and waits until its connections have closed (each one's `remove`), with a bound:
 * pg-pool's `end()` resolves once it has asked them to end, and an embedded server stopped then
 * cuts the ones still open, each logged as a failed idle connection.
 */
async function endPool(pool: pg.Pool) {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open === 0) resolve();
    });
    setTimeout(resolve, connectionsCloseMs).unref();
  });
  await pool.end();
  await closed;
}

/** Closing twice (a test closes the database under the app, then the app) closes once. */
export function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
