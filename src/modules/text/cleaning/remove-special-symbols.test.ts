import { describe, expect, it } from 'vitest';
import { removeSpecialSymbols } from './remove-special-symbols.js';

describe('removeSpecialSymbols', () => {
  it('removes symbols and emoji sequences whole, keeping basic punctuation', () => {
    const removal = removeSpecialSymbols('Price: 5 € + tax © 2024 #deal 👍🏽 👨‍👩‍👧 — “really?” (yes).', {
      preserveBasicPunctuation: true,
    });
    expect(removal.text).toBe('Price: 5   tax  2024 deal   — “really?” (yes).');
    expect(removal.removed.map((entry) => entry.symbol).sort()).toEqual(
      ['#', '+', '©', '€', '👍🏽', '👨‍👩‍👧'].sort(),
    );
    expect(removal.removed_total).toBe(6);
  });

  it('removes punctuation too when basic punctuation is not preserved', () => {
    expect(removeSpecialSymbols('Hi, you! (ok)', { preserveBasicPunctuation: false }).text).toBe('Hi you ok');
  });

  it('removes exactly the listed characters when given them, counting each', () => {
    const removal = removeSpecialSymbols('a#b@c#d*e!', { symbols: '#*', preserveBasicPunctuation: true });
    expect(removal.text).toBe('ab@cde!');
    expect(removal.removed).toEqual([
      { symbol: '#', count: 2 },
      { symbol: '*', count: 1 },
    ]);
  });
});
