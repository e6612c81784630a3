import { characterCount } from '../text-output.js';
import { type MeasuredWord, type TextMeasure, sum } from './measure-text.js';
import { roundTo2 } from './readability.js';

/**
 * Average adult reading speeds from Brysbaert's meta-analysis of 190 studies ("How many words do we
 * read per minute?", 2019): 238 words a minute reading English non-fiction silently, 183 aloud.
 */
export const readingSpeeds = { silent: 238, aloud: 183 };

export interface BasicStatistics {
  characters: number;
  characters_excluding_spaces: number;
  letters: number;
  words: number;
  unique_words: number;
  numbers: number;
  sentences: number;
  paragraphs: number;
  lines: number;
  average_word_length: number;
  average_sentence_length: number;
  longest_word: string | null;
  reading_time_minutes: number;
  speaking_time_minutes: number;
}

/** Counts, averages and reading times of a measured text. */
export function basicStatistics(
  text: string,
  measure: TextMeasure,
  speeds: { reading: number; speaking: number },
): BasicStatistics {
  const { words, sentences } = measure;
  const letters = sum(words, (word) => word.letters);
  const longest = words.reduce<MeasuredWord | null>(
    (best, word) => (best === null || word.letters > best.letters ? word : best),
    null,
  );
  return {
    characters: characterCount(text),
    characters_excluding_spaces: characterCount(text.replace(/\s+/g, '')),
    letters,
    words: words.length,
    unique_words: new Set(words.map((word) => word.text.toLowerCase())).size,
    numbers: measure.numbers,
    sentences: sentences.length,
    paragraphs: text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim()).length,
    lines: text.split('\n').filter((line) => line.trim()).length,
    average_word_length: words.length ? roundTo2(letters / words.length) : 0,
    average_sentence_length: sentences.length ? roundTo2(words.length / sentences.length) : 0,
    longest_word: longest?.text ?? null,
    reading_time_minutes: roundTo2(words.length / speeds.reading),
    speaking_time_minutes: roundTo2(words.length / speeds.speaking),
  };
}
