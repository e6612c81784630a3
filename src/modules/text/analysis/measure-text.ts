import { daleChall } from 'dale-chall';
import { spache } from 'spache';
import { syllable } from 'syllable';
import { splitSentences, splitWords, type TextSpan } from '../segment.js';
import { type ChunkContext, workInChunks } from '../work-in-chunks.js';

/** A word and what the readability formulas count in it. */
export interface MeasuredWord {
  text: string;
  /** Letters (Unicode letters) in the word. */
  letters: number;
  /** Letters and digits: the "characters" of the Automated Readability Index. */
  characters: number;
  /** By the `syllable` package, which knows English only (other scripts count 0). */
  syllables: number;
  /** Not on the New Dale–Chall list of 3,000 familiar words (lower-cased, exact form). */
  daleChallDifficult: boolean;
  /** Not on the revised Spache list of familiar words (lower-cased, exact form). */
  spacheUnfamiliar: boolean;
}

export interface MeasuredSentence extends TextSpan {
  words: MeasuredWord[];
}

/** A text taken apart for the analysis tools: its sentences with their words, and the language used. */
export interface TextMeasure {
  language: string;
  /** Sentences with at least one word (a sentence of only numbers or symbols is not one). */
  sentences: MeasuredSentence[];
  words: MeasuredWord[];
  /** Tokens that are numbers, not words: 42, 3.14. */
  numbers: number;
}

const letter = /\p{L}/u;
const letters = /\p{L}/gu;
const lettersAndDigits = /[\p{L}\p{N}]/gu;
const familiarToDaleChall = new Set(daleChall);
const familiarToSpache = new Set(spache);

/**
 * Splits a text into sentences (by the language's rules) and words (tokens with at least one
 * letter), and measures every word, a couple of hundred sentences at a time with progress.
 */
export async function measureText({
  text,
  language,
  context,
}: {
  text: string;
  language: string;
  context: ChunkContext;
}): Promise<TextMeasure> {
  const syllablesOf = new Map<string, number>();
  const measureWord = (word: string): MeasuredWord => {
    const lower = word.toLowerCase();
    let syllables = syllablesOf.get(lower);
    if (syllables === undefined) {
      syllables = syllable(lower);
      syllablesOf.set(lower, syllables);
    }
    return {
      text: word,
      letters: word.match(letters)?.length ?? 0,
      characters: word.match(lettersAndDigits)?.length ?? 0,
      syllables,
      daleChallDifficult: !familiarToDaleChall.has(lower),
      spacheUnfamiliar: !familiarToSpache.has(lower),
    };
  };

  let numbers = 0;
  const spans = await splitSentences(text, { language, signal: context.signal });
  const sentences = await workInChunks({
    items: spans,
    context,
    work: (span): MeasuredSentence => {
      const tokens = splitWords(span.text, language);
      const words = tokens.filter((token) => letter.test(token));
      numbers += tokens.length - words.length;
      return { ...span, words: words.map(measureWord) };
    },
  });
  const withWords = sentences.filter((sentence) => sentence.words.length > 0);
  return { language, sentences: withWords, words: withWords.flatMap((sentence) => sentence.words), numbers };
}

export function sum<Item>(items: readonly Item[], value: (item: Item) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
