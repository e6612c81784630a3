import { type DynamicToolUIPart, getToolName, type ToolUIPart } from 'ai';
import { useState } from 'react';
import { Button } from '../button';
import { ValueView } from '../value-view';
import { summarizeToolCall, type ToolCallGist } from './tool-summary';
import { useSubjectTasks } from './use-subject-tasks';

/** A tool call as the stream or the stored reply describes it. */
export type ToolPart = ToolUIPart | DynamicToolUIPart;

export type ToolBadge = 'Running' | 'Succeeded' | 'Failed' | 'Needs approval' | 'Refused';

/** The one word a tool call's state comes down to. */
export function toolBadge(part: ToolPart): ToolBadge {
  switch (part.state) {
    case 'output-available':
      return 'Succeeded';
    case 'output-error':
      return 'Failed';
    case 'output-denied':
      return 'Refused';
    case 'approval-requested':
      return 'Needs approval';
    case 'approval-responded':
      return part.approval.approved ? 'Running' : 'Refused';
    default:
      return 'Running';
  }
}

const badgeClass: Record<ToolBadge, string> = {
  Running: 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200',
  Succeeded: 'bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200',
  Failed: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200',
  'Needs approval': 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  Refused: 'bg-neutral-100 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200',
};

/** The card's state in the words of the one-line summary. */
function summaryState(badge: ToolBadge): ToolCallGist['state'] {
  const states: Record<ToolBadge, ToolCallGist['state']> = {
    Running: 'running',
    Succeeded: 'success',
    Failed: 'error',
    'Needs approval': 'approval',
    Refused: 'refused',
  };
  return states[badge];
}

/**
 * One tool call in a reply: a one-line summary a person reads ("Added “Buy milk” · due tomorrow,
 * 9:00 AM"), a badge for its state, a running indicator while it works, and Approve / Refuse when
 * it waits for the user — the question names the task, not its id. The tool's name, arguments and
 * result (readable, or as JSON) are details shown on demand.
 */
export function ToolCard({
  part,
  onAnswer,
  answering = false,
}: {
  part: ToolPart;
  /** Called with the user's yes or no on a call waiting for approval. */
  onAnswer?: (approvalId: string, approved: boolean) => void;
  /** True while an answer cannot be given (another request is under way). */
  answering?: boolean;
}) {
  const [showDetails, setShowDetails] = useState(false);
  const [showJson, setShowJson] = useState(false);
  const name = getToolName(part);
  const badge = toolBadge(part);
  const state = summaryState(badge);
  const subjects = useSubjectTasks(part.input, state === 'approval' || state === 'refused');
  const summary = summarizeToolCall(
    {
      name,
      state,
      input: part.input,
      output: part.state === 'output-available' ? part.output : undefined,
    },
    subjects,
  );
  const duration = (part.toolMetadata as { duration_ms?: number } | undefined)?.duration_ms;
  return (
    <section
      aria-label={`Tool call: ${name}`}
      className="my-2 min-w-0 rounded-lg border border-neutral-200 bg-neutral-50 text-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <header className="flex items-center gap-2 px-3 py-2">
        <span
          className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${badgeClass[badge]}`}
        >
          {badge === 'Running' && (
            <span
              aria-hidden
              data-testid="tool-running"
              className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
            />
          )}
          <span>{badge}</span>
        </span>
        <p data-testid="tool-summary" className="min-w-0 flex-1 truncate" title={summary}>
          {summary}
        </p>
        <Button
          size="sm"
          variant="ghost"
          className="shrink-0"
          aria-expanded={showDetails}
          onClick={() => setShowDetails(!showDetails)}
        >
          Details
        </Button>
      </header>
      {part.state === 'output-error' && (
        <p className="px-3 pb-2 break-words text-red-800 dark:text-red-300">{part.errorText}</p>
      )}
      {part.state === 'approval-requested' && (
        <div className="flex flex-wrap items-center justify-end gap-2 px-3 pb-2">
          <Button
            variant="primary"
            size="sm"
            disabled={answering}
            onClick={() => onAnswer?.(part.approval.id, true)}
          >
            Approve
          </Button>
          <Button size="sm" disabled={answering} onClick={() => onAnswer?.(part.approval.id, false)}>
            Refuse
          </Button>
        </div>
      )}
      {showDetails && (
        <div className="space-y-3 border-t border-neutral-200 px-3 py-2 dark:border-neutral-800">
          <div className="flex items-center gap-2">
            <code className="min-w-0 truncate font-mono font-semibold" title={name}>
              {name}
            </code>
            {duration !== undefined && (
              <span className="shrink-0 text-xs text-neutral-600 dark:text-neutral-400">
                {formatDuration(duration)}
              </span>
            )}
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto shrink-0"
              aria-pressed={showJson}
              onClick={() => setShowJson(!showJson)}
            >
              Show JSON
            </Button>
          </div>
          <ToolValue label="Arguments" value={part.input} json={showJson} />
          {part.state === 'output-available' && (
            <ToolValue label="Result" value={part.output} json={showJson} />
          )}
        </div>
      )}
    </section>
  );
}

function ToolValue({ label, value, json }: { label: string; value: unknown; json: boolean }) {
  return (
    <div>
      {/* A label, not a heading: the card sits under headings of any level (the chat, an agent page). */}
      <p className="mb-1 text-xs font-semibold text-neutral-600 uppercase dark:text-neutral-400">{label}</p>
      <div className="max-h-72 overflow-auto">
        {json ? (
          // Scrolls sideways rather than breaking an id over two lines on a phone.
          <pre tabIndex={0} className="overflow-x-auto text-xs whitespace-pre">
            {JSON.stringify(value, null, 2) ?? '—'}
          </pre>
        ) : (
          <ValueView value={value} />
        )}
      </div>
    </div>
  );
}

/** 850 → "850 ms", 2300 → "2.3 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
