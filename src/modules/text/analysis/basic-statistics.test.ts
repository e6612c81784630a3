import { describe, expect, it } from 'vitest';
import { basicStatistics } from './basic-statistics.js';
import { measureText } from './measure-text.js';

const context = { signal: new AbortController().signal, progress: async () => {} };

describe('basicStatistics', () => {
  it('counts characters, words, sentences, paragraphs and lines, and times the reading', async () => {
    const text = 'Dr. Smith met 3 friends.\nThey talked.\n\nThen everyone went home happy!';
    const statistics = basicStatistics(text, await measureText({ text, language: 'en', context }), {
      reading: 2,
      speaking: 4,
    });
    expect(statistics).toEqual({
      characters: 69,
      characters_excluding_spaces: 57,
      letters: 52,
      words: 11,
      unique_words: 11,
      numbers: 1,
      sentences: 3,
      paragraphs: 2,
      lines: 3,
      average_word_length: 4.73,
      average_sentence_length: 3.67,
      longest_word: 'everyone',
      reading_time_minutes: 5.5,
      speaking_time_minutes: 2.75,
    });
  });
});
