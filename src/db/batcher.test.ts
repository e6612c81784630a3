import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { createBatcher } from './batcher.js';

const logger = createLogger({ level: 'silent' });

describe('the batcher', () => {
  it('writes items together once the delay passes, and everything on drain', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>({
      name: 'test',
      logger,
      maxDelayMs: 10,
      write: async (items) => void batches.push(items),
    });
    batcher.add(1);
    batcher.add(2);
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    batcher.add(3);
    await batcher.drain();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('writes at once when a batch is full', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>({
      name: 'test',
      logger,
      maxItems: 2,
      maxDelayMs: 10_000,
      write: async (items) => void batches.push(items),
    });
    for (const item of [1, 2, 3]) batcher.add(item);
    await batcher.drain();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('drops new items rather than grow without bound when writes fall behind', async () => {
    let release = () => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const written: number[] = [];
    const batcher = createBatcher<number>({
      name: 'test',
      logger,
      maxItems: 2,
      maxPending: 4,
      write: async (items) => {
        await stalled;
        written.push(...items);
      },
    });
    for (const item of [1, 2, 3, 4, 5, 6]) batcher.add(item);
    release();
    await batcher.drain();
    expect(written).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['written', false],
    ['lost (the write failed)', true],
  ])('takes items again once the batches are %s', async (_outcome, failing) => {
    const attempted: number[] = [];
    const batcher = createBatcher<number>({
      name: 'test',
      logger,
      maxItems: 2,
      maxPending: 4,
      write: async (items) => {
        attempted.push(...items);
        if (failing) throw new Error('database down');
      },
    });
    // Ten times the bound in all, never more than two waiting at once.
    for (let item = 0; item < 40; item++) {
      batcher.add(item);
      if (item % 2 === 1) await batcher.drain();
    }
    expect(attempted).toEqual(Array.from({ length: 40 }, (_, item) => item));
  });

  it('logs a failed write and carries on', async () => {
    let calls = 0;
    const batcher = createBatcher<number>({
      name: 'test',
      logger,
      maxDelayMs: 1,
      write: async () => {
        calls++;
        if (calls === 1) throw new Error('database down');
      },
    });
    batcher.add(1);
    await batcher.drain();
    batcher.add(2);
    await expect(batcher.drain()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
