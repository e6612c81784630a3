import { commitUnflushed, type Transaction } from '../../../db/commit-unflushed.js';
import type { Database } from '../../../db/database.js';

export interface TurnCommit {
  /**
   * Commit without waiting for the disk: for a caller whose own next write is a flushed commit
   * before it answers (the chat: its reply's saves), which makes this one durable too, since
   * Postgres flushes its log in order.
   */
  unflushed?: boolean;
}

/** Runs `work` in one transaction, committed as `unflushed` asks. */
export function commitTurn<T>(
  db: Database,
  { unflushed = false }: TurnCommit,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return unflushed ? commitUnflushed(db, work) : db.transaction(work);
}
