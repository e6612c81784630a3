import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { DatabaseHandle } from './database.js';
import { migrateEmbedded } from './migrate.js';
import * as schema from './schema.js';

/**
 * Opens the embedded Postgres (PGlite) in `<dataDir>/pglite`, after taking the data directory's lock.
 * PGlite answers one query at a time; its queue is the "pool".
 */
export async function openEmbeddedDatabase({
  dataDir,
  command,
}: {
  dataDir: string;
  command: string;
}): Promise<DatabaseHandle> {
  const lock = acquireDataDirLock({ dataDir, command });
  const directory = path.join(dataDir, 'pglite');
  let client: PGlite;
  try {
    client = await PGlite.create(directory);
  } catch (error) {
    lock.release();
    throw new Error(`Could not open the embedded database in ${directory}`, { cause: error });
  }
  let pending = 0;
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    pending++;
    try {
      return await work();
    } finally {
      pending--;
    }
  };

  const db = drizzle(client, { schema });

  return {
    kind: 'embedded',
    db,
    location: directory,
    migrate: () => migrateEmbedded(db),
    ping: () => counted(async () => void (await client.query('select 1'))),
    stats: () => ({ total: 1, idle: pending === 0 ? 1 : 0, waiting: Math.max(0, pending - 1) }),
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    recordServerUrl: (url) => lock.update({ url }),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock.release();
      }
    },
  };
}
