import { describe, expect, it, vi } from 'vitest';
import { TextToolCancelledError } from '../errors.js';
import { compareSentiment } from './compare-sentiment.js';

describe('compareSentiment', () => {
  it('ranks texts by score per word, so a long text does not win by length', async () => {
    const progress = vi.fn(async () => {});
    const comparison = await compareSentiment({
      texts: [
        'The service was terrible and the food was cold.',
        'Great!',
        'It was good. '.repeat(3) +
          'The rest of the long visit went by without anything to note at all, hour after hour.',
      ],
      labels: ['A', 'B', 'C'],
      context: { signal: new AbortController().signal, progress },
    });
    expect(comparison.ranking).toEqual(['B', 'C', 'A']);
    expect(comparison).toMatchObject({ most_positive: 'B', most_negative: 'A' });
    const [worst, best] = comparison.items.map((item) => item.analysis.comparative);
    expect(comparison.spread).toBeCloseTo((best ?? 0) - (worst ?? 0));
    expect(progress.mock.calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('names unlabelled texts by their place, and stops when cancelled', async () => {
    const signal = new AbortController().signal;
    const comparison = await compareSentiment({
      texts: ['Good.', 'Bad.'],
      labels: [],
      context: { signal, progress: async () => {} },
    });
    expect(comparison.items.map((item) => item.label)).toEqual(['Text 1', 'Text 2']);

    const controller = new AbortController();
    controller.abort();
    await expect(
      compareSentiment({
        texts: ['Good.'],
        labels: [],
        context: { signal: controller.signal, progress: async () => {} },
      }),
    ).rejects.toBeInstanceOf(TextToolCancelledError);
  });
});
