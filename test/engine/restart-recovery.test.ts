import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';
import { requireFreshBuild } from '../helpers/fresh-build.js';
import { killPeers, query, startPeer, stepCounts, workflowStatus } from './engine-peers.js';

describe.runIf(postgresAvailable)('a workflow killed mid-way finishes after a restart', () => {
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    requireFreshBuild();
    database = await createTestDatabase('postgres');
    url = database.settings.databaseUrl ?? '';
    await query(url, 'create table engine_test_steps (run_id text, step int, executor_id text)');
  });
  afterAll(async () => {
    killPeers();
    await database?.drop();
  });

  it('runs steps one and two once and step three once, after kill -9 and a restart on the same DATA_DIR', async () => {
    const env = { DATABASE_URL: url, DATA_DIR: database.dataDir };
    const first = await startPeer({ ...env, PEER_NAME: 'first' });
    first.send('start run-restart first');
    await first.waitForLine((line) => line.includes('"kind":"holding"'));
    expect(await stepCounts(url, 'run-restart')).toEqual({ 1: 1, 2: 1 });

    first.child.kill('SIGKILL');
    await first.exited;
    expect((await workflowStatus(url, 'run-restart'))?.status).toBe('PENDING');

    // The executor id kept in DATA_DIR brings the same executor back: DBOS recovers its work at launch.
    const again = await startPeer({ ...env, PEER_NAME: 'again' });
    expect(again.executorId).toBe(first.executorId);
    await vi.waitFor(async () => expect((await workflowStatus(url, 'run-restart'))?.status).toBe('SUCCESS'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await stepCounts(url, 'run-restart')).toEqual({ 1: 1, 2: 1, 3: 1 });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
