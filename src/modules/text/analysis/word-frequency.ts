import stopwords from 'stopword';
import type { Language } from '../language/language-names.js';
import { splitIntoBlocks, splitWords } from '../segment.js';
import { characterCount } from '../text-output.js';
import { type ChunkContext, workInChunks } from '../work-in-chunks.js';

/** stopword names its lists by ISO 639-3 code; ELD's Norwegian ("no", "nor") is written Bokmål. */
const listAliases: Record<string, string> = { nor: 'nob' };

/** The stop-word list (words too common to tell a text apart: "the", "und", "de") for a language. */
export function stopWordList(language: Language | null): { name: string; words: Set<string> } | null {
  if (!language) return null;
  const name = listAliases[language.iso639_3] ?? language.iso639_3;
  const words = (stopwords as unknown as Record<string, unknown>)[name];
  if (!Array.isArray(words) || name === 'removeStopwords') return null;
  return { name, words: new Set(words.map((word: string) => word.toLowerCase())) };
}

export interface WordFrequency {
  stop_word_list: string | null;
  total_words: number;
  counted_words: number;
  unique_words: number;
  excluded_stop_words: number;
  excluded_short_words: number;
  items: { word: string; count: number; share: number }[];
}

const letter = /\p{L}/u;
const number = /\p{N}/u;

/**
 * Counts the words of a text, lower-cased, leaving out words shorter than `minLength` characters
 * and, if asked, the language's stop words; the `topN` most frequent first (ties alphabetically).
 */
export async function wordFrequency({
  text,
  language,
  languageCode,
  topN,
  minLength,
  excludeCommon,
  includeNumbers,
  context,
}: {
  text: string;
  language: Language | null;
  languageCode: string;
  topN: number;
  minLength: number;
  excludeCommon: boolean;
  includeNumbers: boolean;
  context: ChunkContext;
}): Promise<WordFrequency> {
  const stopWords = excludeCommon ? stopWordList(language) : null;
  const counts = new Map<string, number>();
  const tally = { total: 0, counted: 0, stop: 0, short: 0 };
  const lowerCase = (word: string) =>
    languageCode === 'und' ? word.toLowerCase() : word.toLocaleLowerCase(languageCode);
  await workInChunks({
    items: splitIntoBlocks(text, 1_000),
    context,
    chunkSize: 50,
    work: (block) => {
      for (const token of splitWords(block.text, languageCode)) {
        if (!letter.test(token) && !(includeNumbers && number.test(token))) continue;
        tally.total++;
        const word = lowerCase(token);
        if (characterCount(word) < minLength) tally.short++;
        else if (stopWords?.words.has(word)) tally.stop++;
        else {
          tally.counted++;
          counts.set(word, (counts.get(word) ?? 0) + 1);
        }
      }
    },
  });
  const items = [...counts]
    .sort(([leftWord, left], [rightWord, right]) => right - left || leftWord.localeCompare(rightWord))
    .slice(0, topN)
    .map(([word, count]) => ({ word, count, share: Math.round((count / tally.counted) * 10_000) / 10_000 }));
  return {
    stop_word_list: stopWords?.name ?? null,
    total_words: tally.total,
    counted_words: tally.counted,
    unique_words: counts.size,
    excluded_stop_words: tally.stop,
    excluded_short_words: tally.short,
    items,
  };
}
