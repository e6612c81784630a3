import { type SQL, sql } from 'drizzle-orm';
import type { Database } from './database.js';

/** One transaction of the app's database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction that commits without waiting for the disk (`synchronous_commit =
 * off`): for bookkeeping whose loss in a crash of the database server itself (not of ours: the
 * server keeps what it was sent, and flushes it within a fraction of a second) costs nothing that
 * matters — a lease, a counter, a cache entry — or that a later synchronous commit makes durable,
 * since Postgres flushes its log in order. Waiting for the disk costs milliseconds per commit.
 */
export function commitUnflushed<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return work(tx);
  });
}

/**
 * The same for work that is one statement (data-modifying CTEs, then `select`), in one round trip
 * where a transaction costs four (begin, set, the work, commit): the statement sets
 * `synchronous_commit = off` for its own transaction (`set_config`'s local flag), which is what
 * its commit reads. Gives the rows of `select`, which may read the CTEs.
 */
export async function executeUnflushed<Row>(db: Database, ctes: SQL[], select: SQL): Promise<Row[]> {
  const result = (await db.execute(sql`with unflushed as materialized
      (select set_config('synchronous_commit', 'off', true)), ${sql.join(ctes, sql`, `)}
    select result.* from unflushed, (${select}) as result`)) as unknown as { rows: Row[] };
  return result.rows;
}
