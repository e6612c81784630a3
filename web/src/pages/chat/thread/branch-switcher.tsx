import type { ConversationMessage } from '../../../api/conversations';
import { Icon } from '../../../layout/icons';

/** "‹ 2 / 3 ›" between the versions of a message (its edits or regenerations). */
export function BranchSwitcher({
  branch,
  disabled,
  onSwitch,
}: {
  branch: ConversationMessage['branch'] | undefined;
  disabled: boolean;
  onSwitch: (messageId: string) => void;
}) {
  if (!branch || branch.count < 2) return null;
  const previous = branch.sibling_ids[branch.index - 1];
  const next = branch.sibling_ids[branch.index + 1];
  const buttonClass =
    'rounded p-1 text-neutral-700 hover:bg-neutral-100 disabled:opacity-40 dark:text-neutral-300 dark:hover:bg-neutral-800';
  return (
    <span className="inline-flex items-center gap-0.5 text-xs text-neutral-700 dark:text-neutral-300">
      <button
        type="button"
        aria-label="Previous version"
        className={buttonClass}
        disabled={disabled || !previous}
        onClick={() => previous && onSwitch(previous)}
      >
        <Icon name="chevronLeft" className="size-4" />
      </button>
      <span className="tabular-nums">
        {branch.index + 1} / {branch.count}
      </span>
      <button
        type="button"
        aria-label="Next version"
        className={buttonClass}
        disabled={disabled || !next}
        onClick={() => next && onSwitch(next)}
      >
        <Icon name="chevronRight" className="size-4" />
      </button>
    </span>
  );
}
