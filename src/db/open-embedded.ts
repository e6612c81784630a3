import type { Logger } from '../logger.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { DatabaseHandle } from './database.js';
import { startEmbeddedServer } from './embedded/embedded-server.js';
import { carryOverPgliteIfPresent } from './embedded/pglite-carry-over.js';
import { once, openPostgresDatabase } from './open-postgres.js';

/**
 * The embedded database: a PostgreSQL server Switchboard runs itself in `<dataDir>/postgres`,
 * opened through the same pool, driver and notification listener as a shared Postgres. The data
 * directory's lock comes first, so a second Switchboard on it is refused before it touches the
 * server; closing stops the server, then gives the lock back.
 */
export async function openEmbeddedDatabase({
  dataDir,
  command,
  logger,
}: {
  dataDir: string;
  command: string;
  logger: Logger;
}): Promise<DatabaseHandle> {
  const lock = acquireDataDirLock({ dataDir, command });
  let server: Awaited<ReturnType<typeof startEmbeddedServer>> | undefined;
  let opened: DatabaseHandle | undefined;
  try {
    server = await startEmbeddedServer({ dataDir, logger });
    opened = await openPostgresDatabase({ url: server.url, logger, kind: 'embedded' });
    await carryOverPgliteIfPresent({ dataDir, database: opened, logger });
  } catch (error) {
    await opened?.close().catch(() => {});
    await server?.stop().catch(() => {});
    lock.release();
    throw error;
  }
  const { stop, pgDir } = server;
  const database = opened;
  return {
    ...database,
    location: pgDir,
    recordServerUrl: (url) => lock.update({ url }),
    close: once(async () => {
      try {
        await database.close();
        await stop();
      } finally {
        lock.release();
      }
    }),
  };
}
