import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { engineInstances } from './table.js';

/**
 * Writes this instance's heartbeat row, as alive, before DBOS launches. Run before the launch on
 * purpose: a recoverer holds the dead row locked while it recovers, so an instance coming back waits
 * for that to finish before its own launch recovers what is left (never both at once).
 */
export async function registerInstance(
  db: Database,
  { executorId, version }: { executorId: string; version: string },
) {
  const row = { host: os.hostname(), pid: process.pid, version };
  await db
    .insert(engineInstances)
    .values({ executorId, ...row, startedAt: sql`now()`, beatAt: sql`now()` })
    .onConflictDoUpdate({
      target: engineInstances.executorId,
      set: { ...row, startedAt: sql`now()`, beatAt: sql`now()`, stoppedAt: null },
    });
}

/**
 * Says "still alive". Returns false when the row was gone: another instance took this one for dead
 * and recovered its workflows, so its steps may now run twice (the row is written again).
 */
export async function beat(db: Database, { executorId, version }: { executorId: string; version: string }) {
  const updated = await db
    .update(engineInstances)
    .set({ beatAt: sql`now()`, stoppedAt: null })
    .where(eq(engineInstances.executorId, executorId))
    .returning({ executorId: engineInstances.executorId });
  if (updated.length > 0) return true;
  await registerInstance(db, { executorId, version });
  return false;
}

/** A clean stop: the other instances may recover what this one left pending at once. */
export async function markStopped(db: Database, executorId: string) {
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
