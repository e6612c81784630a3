import type { Memory } from '../../api/memory-types';
import { Button } from '../../components/button';
import { duplicateGroups } from './duplicate-groups';

/**
 * The listed memories that say the same fact, grouped, with the one button that folds them (into
 * the oldest of each group: its tags, the highest importance, the use counts added up).
 */
export function MergeSuggestions({
  memories,
  merging,
  onMerge,
}: {
  memories: Memory[];
  merging: boolean;
  onMerge: () => void;
}) {
  const groups = duplicateGroups(memories);
  if (groups.length === 0) return null;
  return (
    <section
      aria-label="Merge suggestions"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <h2 className="mb-1 font-semibold">These say the same thing</h2>
      <ul className="mb-2 list-disc pl-5">
        {groups.map((group) => (
          <li key={group[0]?.id}>
            “{group[0]?.text}” ×{group.length}
          </li>
        ))}
      </ul>
      <Button size="sm" disabled={merging} onClick={onMerge}>
        {merging ? 'Merging…' : `Merge ${groups.length === 1 ? 'them' : `these ${groups.length} groups`}`}
      </Button>
    </section>
  );
}
