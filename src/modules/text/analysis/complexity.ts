import { fleschKincaid } from 'flesch-kincaid';
import { type MeasuredSentence, type TextMeasure, sum } from './measure-text.js';
import { roundTo2 } from './readability.js';

export interface TextComplexity {
  words: number;
  unique_words: number;
  sentences: number;
  lexical_diversity: { type_token_ratio: number; root_type_token_ratio: number; hapax_ratio: number };
  word_length: { average_letters: number; long_word_ratio: number; polysyllabic_ratio: number };
  sentence_length: {
    average_words: number;
    median_words: number;
    standard_deviation: number;
    longest_words: number;
  };
  lix: number;
  complexity_level: string;
  flesch_kincaid_grade: number;
  longest_sentences: { excerpt: string; words: number }[];
}

/** A long word in LIX: more than six letters. */
const longWordLetters = 6;

/** Björnsson's LIX bands (1968), which hold across Western European languages. */
export function lixLevel(lix: number): string {
  if (lix < 30) return 'very easy';
  if (lix < 40) return 'easy';
  if (lix < 50) return 'medium';
  if (lix < 60) return 'difficult';
  return 'very difficult';
}

/**
 * How demanding a text is beyond one readability score: vocabulary (type–token ratio, Guiraud's
 * root TTR — steadier across text lengths — and the share of words used once), word length,
 * sentence length and its spread, LIX (Björnsson: words per sentence + percentage of long words;
 * made for more than English) and the Flesch–Kincaid grade.
 */
export function textComplexity(measure: TextMeasure): TextComplexity {
  const { words, sentences } = measure;
  const frequencies = new Map<string, number>();
  for (const word of words) {
    const key = word.text.toLowerCase();
    frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
  }
  const types = frequencies.size;
  const usedOnce = [...frequencies.values()].filter((count) => count === 1).length;
  const lengths = sentences.map((sentence) => sentence.words.length).sort((left, right) => left - right);
  const averageWords = per(words.length, sentences.length);
  const longWords = words.filter((word) => word.letters > longWordLetters).length;
  const lix = averageWords + per(100 * longWords, words.length);
  return {
    words: words.length,
    unique_words: types,
    sentences: sentences.length,
    lexical_diversity: {
      type_token_ratio: roundTo2(per(types, words.length)),
      root_type_token_ratio: roundTo2(per(types, Math.sqrt(words.length))),
      hapax_ratio: roundTo2(per(usedOnce, types)),
    },
    word_length: {
      average_letters: roundTo2(
        per(
          sum(words, (word) => word.letters),
          words.length,
        ),
      ),
      long_word_ratio: roundTo2(per(longWords, words.length)),
      polysyllabic_ratio: roundTo2(per(words.filter((word) => word.syllables >= 3).length, words.length)),
    },
    sentence_length: {
      average_words: roundTo2(averageWords),
      median_words: median(lengths),
      standard_deviation: roundTo2(
        Math.sqrt(
          per(
            sum(lengths, (length) => (length - averageWords) ** 2),
            lengths.length,
          ),
        ),
      ),
      longest_words: lengths.at(-1) ?? 0,
    },
    lix: roundTo2(lix),
    complexity_level: lixLevel(lix),
    // The formula gives NaN for words without syllables (letters no dictionary counts): grade 0.
    flesch_kincaid_grade: roundTo2(
      finiteOrZero(
        fleschKincaid({
          sentence: sentences.length,
          word: words.length,
          syllable: sum(words, (word) => word.syllables),
        }),
      ),
    ),
    longest_sentences: longestSentences(sentences, 3),
  };
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function longestSentences(sentences: readonly MeasuredSentence[], count: number) {
  return [...sentences]
    .sort((left, right) => right.words.length - left.words.length)
    .slice(0, count)
    .map((sentence) => ({
      excerpt: sentence.text.length <= 160 ? sentence.text : `${sentence.text.slice(0, 159)}…`,
      words: sentence.words.length,
    }));
}

/** A share or an average: 0 when there is nothing to share among (a text with no words). */
function per(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
