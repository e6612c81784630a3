import { describe, expect, it } from 'vitest';
import { describeLanguage } from '../language/detect-language.js';
import { wordFrequency } from './word-frequency.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const options = { topN: 3, minLength: 3, excludeCommon: true, includeNumbers: false, context };

describe('wordFrequency', () => {
  it('counts words case-insensitively, leaving out stop words and short words', async () => {
    const text = 'The garden is green. The Garden has trees; trees and a garden. It is 2024.';
    const frequency = await wordFrequency({
      text,
      language: describeLanguage('en'),
      languageCode: 'en',
      ...options,
    });
    expect(frequency.stop_word_list).toBe('eng');
    expect(frequency.items).toEqual([
      { word: 'garden', count: 3, share: 0.5 },
      { word: 'trees', count: 2, share: 0.3333 },
      { word: 'green', count: 1, share: 0.1667 },
    ]);
    expect(frequency).toMatchObject({ total_words: 14, counted_words: 6, excluded_short_words: 4 });
    expect(frequency.excluded_stop_words).toBe(4);
  });

  it('uses the stop words of the text’s language', async () => {
    const text = 'Der Garten und der Baum und die Blumen im Garten.';
    const frequency = await wordFrequency({
      text,
      language: describeLanguage('de'),
      languageCode: 'de',
      ...options,
    });
    expect(frequency.stop_word_list).toBe('deu');
    expect(frequency.items.map((item) => item.word)).toEqual(['garten', 'baum', 'blumen']);
  });

  it('keeps stop words when asked to, and has no list for an unknown language', async () => {
    const text = 'the the the cat';
    const kept = await wordFrequency({ text, language: null, languageCode: 'und', ...options });
    expect(kept.stop_word_list).toBeNull();
    expect(kept.items[0]).toEqual({ word: 'the', count: 3, share: 0.75 });
  });
});
