/** Tag filter chips: pressing one shows only prompts with that tag, pressing it again clears it. */
export function TagChips({
  tags,
  selected,
  onSelect,
}: {
  tags: string[];
  selected?: string;
  onSelect: (tag: string | undefined) => void;
}) {
  if (tags.length === 0) return null;
  return (
    <div role="group" aria-label="Filter by tag" className="flex flex-wrap gap-2">
      {tags.map((tag) => {
        const pressed = tag === selected;
        return (
          <button
            key={tag}
            type="button"
            aria-pressed={pressed}
            onClick={() => onSelect(pressed ? undefined : tag)}
            className={`rounded-full border px-3 py-1 text-xs font-medium ${
              pressed
                ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-neutral-950'
                : 'border-neutral-300 text-neutral-700 hover:bg-neutral-100 dark:border-neutral-700 dark:text-neutral-300 dark:hover:bg-neutral-800'
            }`}
          >
            #{tag}
          </button>
        );
      })}
    </div>
  );
}
