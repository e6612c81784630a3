import { describe, expect, it, vi } from 'vitest';
import { peerDatabase } from '../helpers/peer-database.js';
import { serverSetUps } from '../helpers/test-database.js';
import { startPeer, stepCounts, workflowStatus } from './engine-peers.js';

/** On both set-ups a user runs: a team's Postgres (DATABASE_URL), and the embedded server in DATA_DIR. */
describe.each(serverSetUps)('a workflow killed mid-way finishes after a restart, $name', ({ kind }) => {
  const database = peerDatabase(kind);

  it('runs steps one and two once and step three once, after kill -9 and a restart on the same DATA_DIR', async () => {
    const env = database().env;
    const first = await startPeer({ ...env, PEER_NAME: 'first' });
    const url = first.databaseUrl;
    first.send('start run-restart first');
    await first.waitForLine((line) => line.includes('"kind":"holding"'));
    expect(await stepCounts(url, 'run-restart')).toEqual({ 1: 1, 2: 1 });

    first.child.kill('SIGKILL');
    await first.exited;
    expect((await workflowStatus(url, 'run-restart'))?.status).toBe('PENDING');

    // The executor id kept in DATA_DIR brings the same executor back: DBOS recovers its work at launch
    // (on the embedded set-up, after adopting the Postgres server the killed process left running).
    const again = await startPeer({ ...env, PEER_NAME: 'again' });
    expect(again.executorId).toBe(first.executorId);
    expect(again.databaseUrl).toBe(url);
    await vi.waitFor(async () => expect((await workflowStatus(url, 'run-restart'))?.status).toBe('SUCCESS'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await stepCounts(url, 'run-restart')).toEqual({ 1: 1, 2: 1, 3: 1 });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
