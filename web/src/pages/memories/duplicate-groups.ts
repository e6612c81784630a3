/**
 * A fact folded as the server folds it to find duplicates (modules/memory normalizeFact): case,
 * accents, punctuation and spacing, and a leading "that".
 */
export function foldFact(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^that /, '');
}

/** The memories that say the same fact, in groups of two or more (what Merge duplicates folds together). */
export function duplicateGroups<T extends { id: string; text: string }>(memories: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const memory of memories) {
    const key = foldFact(memory.text);
    groups.set(key, [...(groups.get(key) ?? []), memory]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
