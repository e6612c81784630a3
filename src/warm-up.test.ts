import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { runWarmUps, type WarmUp } from './warm-up.js';

function recordingLogger() {
  const lines: { msg: string; warm_up?: string }[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('warm-ups', () => {
  it('run after the caller goes on, one after the other; a failure is logged and the rest still run', async () => {
    const { logger, lines } = recordingLogger();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const warmUps: WarmUp[] = [
      { name: 'gated', wanted: async () => true, run: () => gate.then(() => order.push('gated')) },
      { name: 'broken', wanted: async () => true, run: () => Promise.reject(new Error('no such module')) },
      { name: 'unwanted', wanted: async () => false, run: async () => order.push('unwanted') },
      { name: 'last', wanted: async () => true, run: async () => order.push('last') },
    ];
    let done = false;
    const finished = runWarmUps(warmUps, logger).then(() => (done = true));
    expect(order).toEqual([]); // nothing ran in the caller's turn
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false); // the gated one holds the rest, not the caller
    release();
    await finished;
    expect(order).toEqual(['gated', 'last']);
    expect(lines.find((line) => line.warm_up === 'broken')?.msg).toBe(
      'could not warm up; it happens on first use',
    );
    expect(lines.filter((line) => line.msg === 'warmed up').map((line) => line.warm_up)).toEqual([
      'gated',
      'last',
    ]);
  });
});
