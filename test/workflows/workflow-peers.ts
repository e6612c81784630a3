import path from 'node:path';
import { projectRoot, spawnNode } from '../helpers/child-process.js';

const fixture = path.join(projectRoot, 'test/fixtures/workflow-peer.js');

/** Starts a workflow peer (test/fixtures/workflow-peer.js) and waits until its engine has launched. */
export async function startPeer(env: Record<string, string>) {
  const peer = spawnNode([fixture], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env });
  const ready = JSON.parse(await peer.waitForLine((line) => line.includes('"kind":"ready"'), 90_000));
  const ask = async (command: string, answer: string) => {
    peer.child.stdin?.write(`${command}\n`);
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
