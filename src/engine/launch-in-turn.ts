import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** A constant every Switchboard process shares: instances launch DBOS one at a time. */
const launchLockKey = 7_310_205_116;
const retryMs = 100;

/**
 * Runs `launch` under a session advisory lock on its own connection. DBOS migrates its schema at
 * launch without a lock of its own, so instances starting together on a fresh database would race
 * to create the same tables; in turn, the first creates them and the others find them.
 * The lock is polled with pg_try_advisory_lock, never waited for in a statement: DBOS builds some
 * indexes CONCURRENTLY, which waits for every statement running in the database — a waiting
 * pg_advisory_lock would be one, and the two would wait for each other for ever.
 */
export async function launchInTurn(url: string, launch: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while (
      !(await client.query('select pg_try_advisory_lock($1) as locked', [launchLockKey])).rows[0]?.locked
    )
      await sleep(retryMs);
    await launch();
  } finally {
    // Ending the session releases the lock, whether or not the launch succeeded.
    await client.end();
  }
}
