/**
 * The punctuation kept when basic punctuation is preserved: what ends and divides sentences, quotes
 * and apostrophes, brackets, hyphens and dashes — in the forms common in European, Chinese and
 * Japanese writing.
 */
export const basicPunctuation = new Set([
  ...'.,!?;:\'"()[]-‐–—…‘’‚“”„«»‹›¿¡',
  ...'、。，！？；：「」『』（）',
]);

/**
 * Emoji as Unicode's RGI sequences (flags, skin tones, families, keycaps), removed whole. Built from
 * a string because TypeScript allows the `v` flag only when targeting ES2024; Node 20 has it.
 */
const emojiPattern = new RegExp('\\p{RGI_Emoji}', 'gv');
const symbolOrPunctuation = /[\p{S}\p{P}]/gu;

export interface SymbolRemoval {
  text: string;
  removed: { symbol: string; count: number }[];
  removed_total: number;
}

/**
 * Removes symbols: either exactly the characters listed, or every symbol (currency, maths, arrows,
 * emoji, ©…) and every punctuation mark except, if asked, basic punctuation.
 */
export function removeSpecialSymbols(
  text: string,
  { symbols, preserveBasicPunctuation }: { symbols?: string; preserveBasicPunctuation: boolean },
): SymbolRemoval {
  const counts = new Map<string, number>();
  const count = (symbol: string) => {
    counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    return '';
  };
  let cleaned: string;
  if (symbols) {
    const listed = new Set(symbols);
    cleaned = [...text].map((character) => (listed.has(character) ? count(character) : character)).join('');
  } else {
    cleaned = text
      .replace(emojiPattern, count)
      .replace(symbolOrPunctuation, (mark) =>
        preserveBasicPunctuation && basicPunctuation.has(mark) ? mark : count(mark),
      );
  }
  const removed = [...counts]
    .map(([symbol, times]) => ({ symbol, count: times }))
    .sort((left, right) => right.count - left.count);
  return { text: cleaned, removed, removed_total: removed.reduce((sum, entry) => sum + entry.count, 0) };
}
