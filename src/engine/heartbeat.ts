import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { engineInstances } from './table.js';

export interface InstanceIdentity {
  db: Database;
  executorId: string;
  version: string;
}

/**
 * Writes this instance's heartbeat row, as alive, before DBOS launches. Run before the launch on
 * purpose: a recoverer holds the dead row locked while it recovers, so an instance coming back waits
 * for that to finish before its own launch recovers what is left (never both at once).
 * A fresh row of another process (host or pid differ, not stopped) means two processes share this
 * executor id, and DBOS would then run and recover each other's workflows: logged as an error, not
 * refused, since a process restarted right after a crash looks the same until `deadAfterMs` passes.
 */
export async function registerInstance({
  db,
  executorId,
  version,
  deadAfterMs,
  logger,
}: InstanceIdentity & { deadAfterMs: number; logger: Logger }) {
  const [other] = await db
    .select({
      host: engineInstances.host,
      pid: engineInstances.pid,
      beatMsAgo: sql<number>`(extract(epoch from now() - ${engineInstances.beatAt}) * 1000)::int`,
    })
    .from(engineInstances)
    .where(
      sql`${engineInstances.executorId} = ${executorId} and ${engineInstances.stoppedAt} is null
        and ${engineInstances.beatAt} > now() - ${deadAfterMs} * interval '1 millisecond'`,
    );
  if (other && (other.host !== os.hostname() || other.pid !== process.pid))
    logger.error(
      { executorId, other: { host: other.host, pid: other.pid, beat_ms_ago: other.beatMsAgo } },
      "another process with this executor id beat recently: unless it crashed just now, two instances share INSTANCE_ID (or DATA_DIR) and will run each other's workflows; give each its own",
    );
  await writeRow({ db, executorId, version });
}

/**
 * Says "still alive". Returns false when the row was gone: another instance took this one for dead
 * and recovered its workflows, so its steps may now run twice (the row is written again).
 */
export async function beat({ db, executorId, version }: InstanceIdentity) {
  const updated = await db
    .update(engineInstances)
    .set({ beatAt: sql`now()`, stoppedAt: null })
    .where(eq(engineInstances.executorId, executorId))
    .returning({ executorId: engineInstances.executorId });
  if (updated.length > 0) return true;
  await writeRow({ db, executorId, version });
  return false;
}

/** This process's row, as alive and just started. */
async function writeRow({ db, executorId, version }: InstanceIdentity) {
  const row = { host: os.hostname(), pid: process.pid, version };
  await db
    .insert(engineInstances)
    .values({ executorId, ...row, startedAt: sql`now()`, beatAt: sql`now()` })
    .onConflictDoUpdate({
      target: engineInstances.executorId,
      set: { ...row, startedAt: sql`now()`, beatAt: sql`now()`, stoppedAt: null },
    });
}

/** A clean stop: the other instances may recover what this one left pending at once. */
export async function markStopped({ db, executorId }: { db: Database; executorId: string }) {
  await db
    .update(engineInstances)
    .set({ stoppedAt: sql`now()` })
    .where(eq(engineInstances.executorId, executorId));
}

/** Instances whose heartbeat is younger than `deadAfterMs` (this one included). */
export async function countAlive(db: Database, deadAfterMs: number): Promise<number> {
  const [row] = await db
    .select({ alive: sql<number>`count(*)::int` })
    .from(engineInstances)
    .where(
      sql`${engineInstances.stoppedAt} is null and ${engineInstances.beatAt} > now() - ${deadAfterMs} * interval '1 millisecond'`,
    );
  return row?.alive ?? 0;
}
