import { describe, expect, it } from 'vitest';
import { summarySentenceCount } from './summary-length.js';

describe('summarySentenceCount', () => {
  it('keeps short < medium < long below the total once a text has five sentences or more', () => {
    for (const total of [5, 8, 20, 60, 400]) {
      const [short, medium, long] = (['short', 'medium', 'long'] as const).map((length) =>
        summarySentenceCount({ total, length }),
      );
      expect(short).toBeLessThan(medium ?? 0);
      expect(medium).toBeLessThan(long ?? 0);
      expect(long).toBeLessThan(total);
    }
  });

  it('follows a compression ratio, never keeping every sentence', () => {
    expect(summarySentenceCount({ total: 40, length: 'short', compressionRatio: 0.25 })).toBe(10);
    expect(summarySentenceCount({ total: 3, length: 'long', compressionRatio: 1 })).toBe(2);
    expect(summarySentenceCount({ total: 1, length: 'long' })).toBe(1);
  });
});
