import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { engineEffects } from './table.js';

/** The transaction handed to an effect: the same Drizzle API as the database. */
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The idempotency key of the DBOS step running now: `workflow id:step id`. The same on every
 * execution of that step (a retry, a recovery, a zombie executor still running it), different for
 * every other step. Hand it to whatever the step acts on: an Idempotency-Key header, the
 * `idempotencyKey` of `DBOS.send`, `runEffectOnce` for our own tables.
 */
export function effectKey(): string {
  const workflowId = DBOS.workflowID;
  const stepId = DBOS.stepID;
  if (!workflowId || stepId === undefined)
    throw new Error('effectKey() names a step: call it inside DBOS.runStep or a registered step');
  return `${workflowId}:${stepId}`;
}

/**
 * Runs a database effect once per key. DBOS runs a step at least once (a step whose result was not
 * yet recorded runs again after recovery, and a zombie executor may run it alongside): the effect
 * and its key are written in one transaction, so a repeat finds the key and returns the first
 * run's result (JSON) without acting again. A concurrent repeat waits on the key, then does the same.
 */
export async function runEffectOnce<T>({
  db,
  key,
  effect,
}: {
  db: Database;
  /** Usually `effectKey()`: the step running now. */
  key: string;
  effect: (tx: Transaction) => Promise<T>;
}): Promise<T> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(engineEffects)
      .values({ key, result: null, doneAt: sql`now()` })
      .onConflictDoNothing()
      .returning({ key: engineEffects.key });
    if (claimed.length === 0) {
      const [done] = await tx
        .select({ result: engineEffects.result })
        .from(engineEffects)
        .where(eq(engineEffects.key, key));
      return done?.result as T;
    }
    const result = await effect(tx);
    await tx
      .update(engineEffects)
      .set({ result: result === undefined ? null : result })
      .where(eq(engineEffects.key, key));
    return result;
  });
}

/** Forgets the keys of effects done before `before` (their workflows finished long ago). */
export async function pruneEffects({ db, before }: { db: Database; before: Date }): Promise<number> {
  const deleted = await db
    .delete(engineEffects)
    .where(sql`${engineEffects.doneAt} < ${before}`)
    .returning({ key: engineEffects.key });
  return deleted.length;
}
