import { describe, expect, it, vi } from 'vitest';
import { query } from '../engine/engine-peers.js';
import { peerDatabase } from '../helpers/peer-database.js';
import { startPeer } from './workflow-peers.js';

/** The tasks the scheduled runs added, by title (`tick <run id>`, the id naming the scheduled second). */
const ticks = async (url: string) =>
  query<{ title: string; count: number }>(
    url,
    "select title, count(*)::int as count from tasks where title like 'tick sched:%' group by title order by title",
  );

/**
 * A schedule trigger with two instances running on one DATABASE_URL: both instances' DBOS
 * schedulers fire every tick, and each scheduled time still runs the workflow once (its step's
 * task added once). Each second, so a handful of ticks pass without a timed wait.
 */
describe('a cron trigger with two instances running, on DATABASE_URL', { timeout: 150_000 }, () => {
  const database = peerDatabase();

  it('runs the workflow once per scheduled time', async () => {
    const url = database().settings.databaseUrl ?? '';
    const peer = (name: string) =>
      startPeer({
        DATABASE_URL: url,
        DATA_DIR: `${database().dataDir}-${name}`,
        INSTANCE_ID: `instance-${name}`,
      });
    const [first, second] = await Promise.all([peer('a'), peer('b')]);
    const { owner_id: ownerId } = await first.ask('prepare owner@example.com', 'prepared');
    expect(await first.ask(`schedule ${ownerId}`, 'scheduled')).toMatchObject({ kind: 'scheduled' });

    await vi.waitFor(async () => expect((await ticks(url)).length).toBeGreaterThanOrEqual(5), {
      timeout: 60_000,
      interval: 250,
    });
    for (const one of [first, second]) one.child.kill('SIGTERM');
    expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);

    const added = await ticks(url);
    expect(added.filter((tick) => tick.count !== 1)).toEqual([]);
  });
});
