import { normalizeFact } from '@server/modules/memory/fact';

/** The memories that say the same fact, in groups of two or more (what Merge duplicates folds together). */
export function duplicateGroups<T extends { id: string; text: string }>(memories: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const memory of memories) {
    const key = normalizeFact(memory.text);
    groups.set(key, [...(groups.get(key) ?? []), memory]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
