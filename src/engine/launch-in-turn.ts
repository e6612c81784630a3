import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../logger.js';

/** A constant every Switchboard process shares: instances launch DBOS one at a time. */
const launchLockKey = 7_310_205_116;
const retryMs = 100;
/** How long a wait goes unremarked: a migration by a peer takes a few seconds at most. */
const sayWaitingAfterMs = 10_000;

export interface LaunchInTurnOptions {
  url: string;
  launch: () => Promise<void>;
  logger: Logger;
  /** Gives up after waiting this long for the lock (a peer stuck in its launch holds it for ever). */
  waitAtMostMs: number;
}

/**
 * Runs `launch` under a session advisory lock on its own connection. DBOS migrates its schema at
 * launch without a lock of its own, so instances starting together on a fresh database would race
 * to create the same tables; in turn, the first creates them and the others find them.
 * The lock is polled with pg_try_advisory_lock, never waited for in a statement: DBOS builds some
 * indexes CONCURRENTLY, which waits for every statement running in the database — a waiting
 * pg_advisory_lock would be one, and the two would wait for each other for ever.
 */
export async function launchInTurn({
  url,
  launch,
  logger,
  waitAtMostMs,
}: LaunchInTurnOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  // An idle client whose connection the server ends emits 'error'; unheard, it would crash the
  // process during a long launch. The lock goes with the session, which only matters until launch ends.
  client.on('error', (error) => logger.warn({ err: error }, 'the launch lock connection failed'));
  await client.connect();
  try {
    const startedAt = Date.now();
    let saidWaiting = false;
    while (
      !(await client.query('select pg_try_advisory_lock($1) as locked', [launchLockKey])).rows[0]?.locked
    ) {
      const waitedMs = Date.now() - startedAt;
      if (waitedMs >= waitAtMostMs)
        throw new Error(
          `Waited ${waitedMs} ms for another instance to finish launching the durable engine (advisory lock ${launchLockKey}): giving up`,
        );
      if (!saidWaiting && waitedMs >= sayWaitingAfterMs) {
        saidWaiting = true;
        logger.warn(
          { waited_ms: waitedMs },
          'waiting for another instance to finish launching the durable engine',
        );
      }
      await sleep(retryMs);
    }
    await launch();
  } finally {
    // Ending the session releases the lock, whether or not the launch succeeded.
    await client.end().catch(() => {});
  }
}
