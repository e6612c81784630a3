import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from './start-worker.js';

/** A worker that posts back what it was given and where it runs from; `type` annotates it as TypeScript. */
const echo = (type: string) => `import { parentPort, workerData } from 'node:worker_threads';
const answer${type} = { echoed: workerData, from: import.meta.url };
parentPort.postMessage(answer);`;

describe('startWorker', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'switchboard-worker-'));
  writeFileSync(path.join(directory, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(directory, 'echo.js'), echo(''));
  writeFileSync(path.join(directory, 'echo.ts'), echo(': { echoed: unknown; from: string }'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  async function firstMessage(callerFile: string) {
    const worker = startWorker(
      pathToFileURL(path.join(directory, 'chunks', callerFile)).href,
      'echo',
      { workerData: { page: 1 } },
      pathToFileURL(`${directory}/`),
    );
    const [message] = (await once(worker, 'message')) as [{ echoed: unknown; from: string }];
    await worker.terminate();
    return message;
  }

  it('runs the built .js in the bundle folder for a caller in the built dist', async () => {
    const message = await firstMessage('caller.js');
    expect(message).toEqual({ echoed: { page: 1 }, from: expect.stringMatching(/echo\.js$/) });
  });

  it('runs the .ts source through tsx beside a caller run from the sources', async () => {
    const message = await firstMessage('../caller.ts');
    expect(message).toEqual({ echoed: { page: 1 }, from: expect.stringMatching(/echo\.ts$/) });
  });
});
