import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as applyPostgres } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

/** The committed migrations, written by `npm run db:generate` (drizzle-kit). */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A constant every Switchboard process shares: the advisory lock that serializes migrations. */
const migrationLockKey = 7_310_205_114;

/**
 * Applies pending migrations (embedded server or shared Postgres alike). Concurrent starts take turns under an advisory
 * lock, so two instances never apply the same migration at once.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const connection = await pool.connect();
  let failure: Error | undefined;
  try {
    await connection.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await applyPostgres(drizzle(connection), { migrationsFolder });
    await connection.query('select pg_advisory_unlock($1)', [migrationLockKey]);
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    connection.release(failure); // a connection that failed is discarded, and its session lock with it
  }
}
