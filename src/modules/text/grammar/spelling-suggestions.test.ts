import { describe, expect, it } from 'vitest';
import { rankSpellingSuggestions } from './spelling-suggestions.js';

describe('rankSpellingSuggestions', () => {
  it('puts the common word first and calls it clear', () => {
    const { ranked, clear } = rankSpellingSuggestions('thier', ['thief', 'shier', 'their', 'tier', 'trier']);
    expect(ranked[0]).toBe('their');
    expect(clear).toBe(true);
  });

  it('is not clear between two words used about as often', () => {
    expect(rankSpellingSuggestions('carr', ['car', 'care']).clear).toBe(false);
  });

  it('is not clear when the best is two edits away', () => {
    expect(rankSpellingSuggestions('recieveing', ['receiving']).clear).toBe(false);
  });
});
