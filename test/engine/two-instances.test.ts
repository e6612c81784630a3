import { beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresAvailable } from '../helpers/test-database.js';
import { peerDatabase } from '../helpers/peer-database.js';
import { query, startPeer, stepCounts, workflowStatus } from './engine-peers.js';

type Peer = Awaited<ReturnType<typeof startPeer>>;

/** Short intervals, so a dead instance is found in about a second rather than half a minute. */
const fastHeartbeat = { ENGINE_HEARTBEAT_MS: '200', ENGINE_DEAD_AFTER_MS: '1000' };

describe.runIf(postgresAvailable)('two instances on one Postgres', () => {
  const database = peerDatabase();
  let url: string;
  let one: Peer;
  let two: Peer;

  beforeAll(async () => {
    url = database().settings.databaseUrl ?? '';
    await query(url, 'create table engine_test_steps (run_id text, step int, executor_id text)');
    const env = { DATABASE_URL: url, DATA_DIR: database().dataDir, ...fastHeartbeat };
    // Together, on a database DBOS has not seen: they take turns creating its schema.
    [one, two] = await Promise.all([
      startPeer({ ...env, INSTANCE_ID: 'instance-one', PEER_NAME: 'one' }),
      startPeer({ ...env, INSTANCE_ID: 'instance-two', PEER_NAME: 'two' }),
    ]);
  });

  const finished = (runId: string) =>
    vi.waitFor(async () => expect((await workflowStatus(url, runId))?.status).toBe('SUCCESS'), {
      timeout: 20_000,
      interval: 100,
    });

  it('runs each queued workflow exactly once, whichever instance takes it', async () => {
    const runs = ['queued-1', 'queued-2', 'queued-3', 'queued-4', 'queued-5', 'queued-6'];
    for (const [index, runId] of runs.entries()) (index % 2 ? two : one).send(`enqueue ${runId} nobody`);
    for (const runId of runs) await finished(runId);
    for (const runId of runs) expect(await stepCounts(url, runId)).toEqual({ 1: 1, 2: 1, 3: 1 });
  });

  it("finishes a killed instance's workflow on the other one, from its last completed step", async () => {
    one.send('start run-takeover one');
    await one.waitForLine((line) => line.includes('"kind":"holding"'));
    one.child.kill('SIGKILL');
    await one.exited;

    await two.waitForLine(
      (line) => line.includes('recovered the pending workflows of a dead instance'),
      20_000,
    );
    await finished('run-takeover');
    expect(await stepCounts(url, 'run-takeover')).toEqual({ 1: 1, 2: 1, 3: 1 });
    expect((await workflowStatus(url, 'run-takeover'))?.executor_id).toBe(two.executorId);
    // Nothing of the dead instance is left pending, so its heartbeat row is gone.
    const instances = await query<{ executor_id: string }>(url, 'select executor_id from engine_instances');
    expect(instances.map((row) => row.executor_id)).toEqual(['instance-two']);
  });
});
