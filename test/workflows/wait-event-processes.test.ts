import { describe, expect, it, vi } from 'vitest';
import { query } from '../engine/engine-peers.js';
import { peerDatabase } from '../helpers/peer-database.js';
import { startPeer } from './workflow-peers.js';

const runOf = async (url: string, runId: string) =>
  (
    await query<{ status: string; output: { type?: string; data?: { task_id?: string } } | null }>(
      url,
      'select status, output from workflow_runs where id = $1',
      [runId],
    )
  )[0];

/**
 * A wait_event step opened on one instance is matched by an event published on another: each
 * instance reads for the waits only of owners who may have one, and hears of a wait opened
 * elsewhere. The instance that opened it is killed (-9) before the event, so only the other can
 * match it; it then takes the run over and finishes it with that event.
 */
describe('a wait_event step across two instances, on DATABASE_URL', { timeout: 150_000 }, () => {
  const database = peerDatabase();

  it('is matched by an event published on the other instance', async () => {
    const url = database().settings.databaseUrl ?? '';
    const shared = { DATABASE_URL: url, ENGINE_HEARTBEAT_MS: '200', ENGINE_DEAD_AFTER_MS: '1000' };
    const peer = (name: string) =>
      startPeer({ ...shared, DATA_DIR: `${database().dataDir}-${name}`, INSTANCE_ID: `instance-${name}` });
    const [publisher, waiter] = await Promise.all([peer('a'), peer('b')]);
    const { owner_id: ownerId } = await publisher.ask('prepare owner@example.com', 'prepared');
    // Before the wait: the publisher has read who waits (nobody), and this event is not matched.
    const early = await publisher.ask(`task ${ownerId} early`, 'completed early');

    await waiter.ask(`await awaiting-run ${ownerId}`, 'awaiting');
    await vi.waitFor(async () => expect((await runOf(url, 'awaiting-run'))?.status).toBe('waiting'), {
      timeout: 20_000,
      interval: 50,
    });
    waiter.child.kill('SIGKILL');
    await waiter.exited;

    const awaited = await publisher.ask(`task ${ownerId} awaited`, 'completed awaited');
    await vi.waitFor(async () => expect((await runOf(url, 'awaiting-run'))?.status).toBe('succeeded'), {
      timeout: 30_000,
      interval: 100,
    });
    const { output } = (await runOf(url, 'awaiting-run')) ?? {};
    expect(output).toMatchObject({ type: 'task.completed', data: { task_id: awaited.task_id } });
    expect(output?.data?.task_id).not.toBe(early.task_id);
    publisher.child.kill('SIGTERM');
    expect(await publisher.exited).toBe(0);
  });
});
