import { and, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { engineInstances } from './table.js';

/** A constant every Switchboard process shares: the advisory lock one recoverer holds at a time. */
const recoveryLockKey = 7_310_205_115;

export interface RecoveryDeps {
  db: Database;
  /** This instance's executor id: never its own recoverer (DBOS recovers its own at launch). */
  executorId: string;
  deadAfterMs: number;
  /** DBOS's recovery call: hands the executor's PENDING workflows back to the queue; their ids. */
  recover: (deadExecutorId: string) => Promise<string[]>;
  /** Whether the executor still has PENDING workflows (of an application version this one cannot run). */
  hasPending: (deadExecutorId: string) => Promise<boolean>;
}

export interface Recovered {
  executorId: string;
  workflowIds: string[];
}

/**
 * One recovery pass: under an advisory lock (one claimant at a time, the others skip this pass), finds
 * the instances that stopped or whose heartbeat is older than `deadAfterMs`, and hands their pending
 * workflows back to DBOS's queue, where any live instance picks them up from their last completed
 * step. A dead instance's row is deleted once nothing of it is left pending.
 */
export async function recoverDeadInstances({
  db,
  executorId,
  deadAfterMs,
  recover,
  hasPending,
}: RecoveryDeps): Promise<Recovered[]> {
  return db.transaction(async (tx) => {
    const [lock] = await tx
      .execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${recoveryLockKey}) as locked`)
      .then((result) => (result as unknown as { rows: { locked: boolean }[] }).rows);
    if (!lock?.locked) return [];
    // FOR UPDATE: a dead instance that comes back waits on its row until this pass commits.
    const dead = await tx
      .select({ executorId: engineInstances.executorId })
      .from(engineInstances)
      .where(
        and(
          ne(engineInstances.executorId, executorId),
          sql`(${engineInstances.stoppedAt} is not null or ${engineInstances.beatAt} < now() - ${deadAfterMs} * interval '1 millisecond')`,
        ),
      )
      .for('update');
    const recovered: Recovered[] = [];
    const finished: string[] = [];
    for (const instance of dead) {
      const workflowIds = await recover(instance.executorId);
      if (workflowIds.length > 0) recovered.push({ executorId: instance.executorId, workflowIds });
      if (!(await hasPending(instance.executorId))) finished.push(instance.executorId);
    }
    if (finished.length > 0)
      await tx.delete(engineInstances).where(inArray(engineInstances.executorId, finished));
    return recovered;
  });
}
