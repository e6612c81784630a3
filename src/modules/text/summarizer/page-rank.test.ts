import { describe, expect, it } from 'vitest';
import { pageRank } from './page-rank.js';

describe('pageRank', () => {
  it('gives every node of a symmetric cycle the same score', () => {
    const cycle = [
      [[1, 1] as const, [2, 1] as const],
      [[0, 1] as const, [2, 1] as const],
      [[0, 1] as const, [1, 1] as const],
    ];
    for (const score of pageRank({ graph: cycle })) expect(score).toBeCloseTo(1 / 3, 6);
  });

  it('matches the closed form for a star: the hub gets (1-d)/n + d·(leaves’ scores)', () => {
    // Hub 0 joined to leaves 1..3. Leaves each get (1-d)/4 + d·hub/3; the hub gets (1-d)/4 + d·(sum of leaves).
    const star = [
      [[1, 1] as const, [2, 1] as const, [3, 1] as const],
      [[0, 1] as const],
      [[0, 1] as const],
      [[0, 1] as const],
    ];
    const d = 0.85;
    const [hub = 0, leaf = 0] = pageRank({ graph: star, damping: d, tolerance: 1e-12 });
    expect(hub).toBeCloseTo((1 - d) / 4 + d * 3 * leaf, 9);
    expect(leaf).toBeCloseTo((1 - d) / 4 + (d * hub) / 3, 9);
    expect(hub + 3 * leaf).toBeCloseTo(1, 9);
  });

  it('leans towards the nodes the teleport vector favours', () => {
    const path = [[[1, 1] as const], [[0, 1] as const, [2, 1] as const], [[1, 1] as const]];
    const [first = 0, , last = 0] = pageRank({ graph: path, teleport: [1, 0, 0] });
    expect(first).toBeGreaterThan(last);
  });
});
