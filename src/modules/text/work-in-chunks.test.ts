import { describe, expect, it, vi } from 'vitest';
import { TextToolCancelledError } from './errors.js';
import { workInChunks } from './work-in-chunks.js';

describe('workInChunks', () => {
  it('maps every item in order and reports progress after each chunk of a long input', async () => {
    const progress = vi.fn(async () => {});
    const items = Array.from({ length: 5 }, (_, index) => index);
    const results = await workInChunks({
      items,
      chunkSize: 2,
      context: { signal: new AbortController().signal, progress },
      work: (item) => item * 10,
    });
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(progress.mock.calls).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('stops between chunks once the caller cancels', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const work = workInChunks({
      items: [1, 2, 3, 4],
      chunkSize: 2,
      context: { signal: controller.signal, progress: async () => controller.abort() },
      work: (item) => done.push(item),
    });
    await expect(work).rejects.toBeInstanceOf(TextToolCancelledError);
    expect(done).toEqual([1, 2]);
  });
});
