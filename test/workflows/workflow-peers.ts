import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot, watchLines, type WatchedProcess } from '../helpers/child-process.js';

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
