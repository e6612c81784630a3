import { sql } from 'drizzle-orm';
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
 * The same for one statement on its own (its own transaction), without `begin`, `set` and
 * `commit` around it: a CTE `unflushed` that sets `synchronous_commit = off` for the statement's
 * transaction, read when it commits. Postgres evaluates a plain CTE only when referenced, so the
 * statement must select from it: `with ${unflushed}, … select … from …, unflushed`.
 */
export const unflushed = sql`unflushed as (select set_config('synchronous_commit', 'off', true))`;
