import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as applyPostgres } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { packageRoot } from '../package-root.js';

/** The committed migrations, written by `npm run db:generate` (drizzle-kit). */
export const migrationsFolder = fileURLToPath(new URL('drizzle', packageRoot));

/** A constant every Switchboard process shares: the advisory lock that serializes migrations. */
const migrationLockKey = 7_310_205_114;

export interface MigrateOptions {
  /** Another journal (restore cuts the committed one at a backup's level). */
  folder?: string;
  /** Runs under the migration lock before anything is applied (the automatic backup before an upgrade). */
  beforeMigrating?: (connection: pg.PoolClient) => Promise<void>;
}

/**
 * Applies pending migrations (embedded server or shared Postgres alike). Concurrent starts take turns under an advisory
 * lock, so two instances never apply the same migration at once.
 */
export async function migratePostgres(
  pool: pg.Pool,
  { folder = migrationsFolder, beforeMigrating }: MigrateOptions = {},
): Promise<void> {
  const connection = await pool.connect();
  let failure: Error | undefined;
  try {
    await connection.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await beforeMigrating?.(connection);
    await applyPostgres(drizzle(connection), { migrationsFolder: folder });
    await connection.query('select pg_advisory_unlock($1)', [migrationLockKey]);
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    connection.release(failure); // a connection that failed is discarded, and its session lock with it
  }
}
