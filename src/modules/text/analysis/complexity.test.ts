import { describe, expect, it } from 'vitest';
import { textComplexity } from './complexity.js';
import { measureText } from './measure-text.js';

const context = { signal: new AbortController().signal, progress: async () => {} };

describe('textComplexity', () => {
  it('computes LIX, vocabulary and sentence-length figures as by hand', async () => {
    const text =
      'Education is important for children. Beautiful libraries encourage curious readers. Teachers recommend wonderful stories.';
    // 14 words, all different, in sentences of 5, 5 and 4 words; more than six letters: all but
    // is, for (12). LIX = 14/3 + 100 × 12/14.
    const complexity = textComplexity(await measureText({ text, language: 'en', context }));
    const mean = 14 / 3;
    expect(complexity).toMatchObject({
      words: 14,
      unique_words: 14,
      sentences: 3,
      lexical_diversity: { type_token_ratio: 1, root_type_token_ratio: 3.74, hapax_ratio: 1 },
      sentence_length: {
        average_words: 4.67,
        median_words: 5,
        standard_deviation: Number(Math.sqrt(((4 - mean) ** 2 + 2 * (5 - mean) ** 2) / 3).toFixed(2)),
        longest_words: 5,
      },
      word_length: { long_word_ratio: Number((12 / 14).toFixed(2)) },
      lix: Number((14 / 3 + (100 * 12) / 14).toFixed(2)),
      complexity_level: 'very difficult',
    });
    expect(complexity.longest_sentences[0]).toEqual({
      excerpt: 'Education is important for children.',
      words: 5,
    });
  });

  it('finds a plain text easy and a repetitive one low in diversity', async () => {
    const text = 'The dog ran. The dog sat. The dog ran and sat. The cat sat.';
    const complexity = textComplexity(await measureText({ text, language: 'en', context }));
    expect(complexity.complexity_level).toBe('very easy');
    expect(complexity.lexical_diversity.type_token_ratio).toBeCloseTo(6 / 14, 2);
  });

  it('gives finite figures for words without syllables (letters no dictionary counts), not NaN', async () => {
    const complexity = textComplexity(await measureText({ text: '𐌱𞲉⮔𝝟𖤇', language: 'en', context }));
    expect(JSON.stringify(complexity)).not.toContain('null');
    expect(Number.isFinite(complexity.flesch_kincaid_grade)).toBe(true);
  });
});
