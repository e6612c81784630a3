import levenshtein from 'damerau-levenshtein';
import { spokenFrequency } from './word-frequencies.js';

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
    frequency: spokenFrequency(suggestion),
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
