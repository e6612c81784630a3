import { describe, expect, it, vi } from 'vitest';
import { query, workflowStatus } from '../engine/engine-peers.js';
import { serverSetUps } from '../helpers/test-database.js';
import { peerDatabase } from '../helpers/peer-database.js';
import { type Peer, startPeer } from './workflow-peers.js';

/** How many tasks each step of a run added: the workflow's side effects, one task per step. */
async function tasksPerStep(url: string, tag: string): Promise<Record<string, number>> {
  const rows = await query<{ title: string; count: number }>(
    url,
    "select title, count(*)::int as count from tasks where title like '%of ' || $1 group by title",
    [tag],
  );
  return Object.fromEntries(rows.map((row) => [row.title.split(' ')[1], row.count]));
}

const runStatus = async (url: string, runId: string) =>
  (await query<{ status: string }>(url, 'select status from workflow_runs where id = $1', [runId]))[0]
    ?.status;

/**
 * Starts a run on `peer` and kills the peer (-9) once the run sleeps between its second and third
 * step: the first two steps ran once, and DBOS holds the run pending.
 */
async function killMidRun(peer: Peer, runId: string) {
  const url = peer.databaseUrl;
  const { owner_id: ownerId } = await peer.ask('prepare owner@example.com', 'prepared');
  expect(await peer.ask(`start ${runId} ${ownerId}`, 'started')).toMatchObject({ run_id: runId });
  await vi.waitFor(async () => expect(await runStatus(url, runId)).toBe('waiting'), {
    timeout: 20_000,
    interval: 50,
  });
  peer.child.kill('SIGKILL');
  await peer.exited;
  expect(await tasksPerStep(url, runId)).toEqual({ first: 1, second: 1 });
  expect((await workflowStatus(url, runId))?.status).toBe('PENDING');
}

/**
 * Workflow runs survive their process: killed (-9) mid-run, a run is finished by the same instance
 * restarted, each step that had completed run once, its durable sleep not started over. On both
 * set-ups: on the embedded server the killed process leaves its PostgreSQL running, and the
 * restart adopts it (or starts it again) before DBOS recovers the run.
 */
describe.each(serverSetUps)(
  'a workflow run across kill -9 and a restart, $name',
  { timeout: 120_000 },
  ({ kind }) => {
    const database = peerDatabase(kind);

    it('finishes after a restart of the same instance, each step once', async () => {
      const env = { ...database().env, INSTANCE_ID: 'restarting' };
      const first = await startPeer(env);
      await killMidRun(first, 'run-restart');
      const again = await startPeer(env);
      // The same server: on the embedded set-up, the one the killed process left, adopted.
      expect(again.databaseUrl).toBe(first.databaseUrl);
      const url = again.databaseUrl;
      await vi.waitFor(async () => expect(await runStatus(url, 'run-restart')).toBe('succeeded'), {
        timeout: 30_000,
        interval: 100,
      });
      expect(await tasksPerStep(url, 'run-restart')).toEqual({ first: 1, second: 1, third: 1 });
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    });
  },
);

/**
 * Another instance takes over a killed one's run: on DATABASE_URL only, since the embedded server
 * is single-instance by design (its data directory's lock refuses a second process).
 */
describe('a workflow run whose instance is killed (-9), on DATABASE_URL', { timeout: 120_000 }, () => {
  const database = peerDatabase();

  it('is finished by the other instance', async () => {
    const url = database().settings.databaseUrl ?? '';
    const shared = { DATABASE_URL: url, ENGINE_HEARTBEAT_MS: '200', ENGINE_DEAD_AFTER_MS: '1000' };
    const first = await startPeer({
      ...shared,
      DATA_DIR: `${database().dataDir}-a`,
      INSTANCE_ID: 'instance-a',
    });
    const second = await startPeer({
      ...shared,
      DATA_DIR: `${database().dataDir}-b`,
      INSTANCE_ID: 'instance-b',
    });
    await killMidRun(first, 'run-moved');
    await vi.waitFor(async () => expect(await runStatus(url, 'run-moved')).toBe('succeeded'), {
      timeout: 30_000,
      interval: 100,
    });
    expect(await tasksPerStep(url, 'run-moved')).toEqual({ first: 1, second: 1, third: 1 });
    expect((await workflowStatus(url, 'run-moved'))?.executor_id).toBe('instance-b');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
