/**
 * Which steps of its block a step waits for, as checkboxes: the keyboard's way to connect steps
 * (the graph's way is dragging from one step's bottom to another's top).
 */
export function StepNeeds({
  stepId,
  siblings,
  needs,
  onChange,
}: {
  stepId: string;
  siblings: string[];
  needs: string[];
  onChange: (needs: string[]) => void;
}) {
  if (siblings.length === 0)
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        No other step in its block to wait for.
      </p>
    );
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium">{stepId} waits for</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {siblings.map((sibling) => (
          <label key={sibling} className="flex items-center gap-1.5 font-mono text-sm">
            <input
              type="checkbox"
              checked={needs.includes(sibling)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...needs, sibling] : needs.filter((need) => need !== sibling),
                )
              }
            />
            {sibling}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
