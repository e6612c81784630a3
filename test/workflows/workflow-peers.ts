import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot, watchLines, type WatchedProcess } from '../helpers/child-process.js';
import { requireFreshBuild } from '../helpers/fresh-build.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../helpers/test-database.js';

const fixture = path.join(projectRoot, 'test/fixtures/workflow-peer.js');
const peers = new Set<WatchedProcess>();

/** Starts a workflow peer (test/fixtures/workflow-peer.js) and waits until its engine has launched. */
export async function startPeer(env: Record<string, string>) {
  const child = spawn(process.execPath, [fixture], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const peer = watchLines(child);
  peers.add(peer);
  child.once('exit', () => peers.delete(peer));
  const ready = JSON.parse(await peer.waitForLine((line) => line.includes('"kind":"ready"'), 90_000));
  const ask = async (command: string, answer: string) => {
    child.stdin?.write(`${command}\n`);
    return JSON.parse(
      await peer.waitForLine(
        (line) => line.includes(`"kind":"${answer}"`) || line.includes('"kind":"error"'),
      ),
    );
  };
  return {
    ...peer,
    executorId: ready.executor_id as string,
    databaseUrl: ready.database_url as string,
    ask,
  };
}

export type Peer = Awaited<ReturnType<typeof startPeer>>;

/** Kills (-9) every peer still running. */
export const killPeers = () => {
  for (const peer of peers) peer.child.kill('SIGKILL');
};

/**
 * The database the peers of a describe block share: made before its tests (once the compiled
 * server is known to be fresh), dropped after them, every peer killed first. Read it in a test.
 */
export function peerDatabase(kind: DatabaseKind = 'postgres'): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    requireFreshBuild();
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    killPeers();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('The peer database is made in beforeAll');
    return database;
  };
}
