import { type DynamicToolUIPart, getToolName, type ToolUIPart } from 'ai';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ValueView } from '../../../components/value-view';

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

/**
 * One tool call in a reply: its name, arguments and result (readable, or as JSON), a badge for its
 * state, a running indicator while it works, and Approve / Refuse when it waits for the user.
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
  const [showJson, setShowJson] = useState(false);
  const name = getToolName(part);
  const badge = toolBadge(part);
  const duration = (part.toolMetadata as { duration_ms?: number } | undefined)?.duration_ms;
  return (
    <section
      aria-label={`Tool call: ${name}`}
      className="my-2 rounded-lg border border-neutral-200 bg-neutral-50 text-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-neutral-200 px-3 py-2 dark:border-neutral-800">
        <code className="font-mono font-semibold break-all">{name}</code>
        <span
          className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${badgeClass[badge]}`}
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
        {duration !== undefined && (
          <span className="text-xs text-neutral-600 dark:text-neutral-400">{formatDuration(duration)}</span>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          aria-pressed={showJson}
          onClick={() => setShowJson(!showJson)}
        >
          Show JSON
        </Button>
      </header>
      <div className="space-y-3 px-3 py-2">
        <ToolValue label="Arguments" value={part.input} json={showJson} />
        {part.state === 'output-available' && (
          <ToolValue label="Result" value={part.output} json={showJson} />
        )}
        {part.state === 'output-error' && (
          <div>
            <h4 className="text-xs font-semibold text-neutral-600 uppercase dark:text-neutral-400">Error</h4>
            <p className="break-words text-red-800 dark:text-red-300">{part.errorText}</p>
          </div>
        )}
        {part.state === 'approval-requested' && (
          <div className="flex flex-wrap items-center gap-2">
            <p className="mr-auto text-neutral-700 dark:text-neutral-300">
              This tool changes your data. Run it?
            </p>
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
      </div>
    </section>
  );
}

function ToolValue({ label, value, json }: { label: string; value: unknown; json: boolean }) {
  return (
    <div>
      <h4 className="mb-1 text-xs font-semibold text-neutral-600 uppercase dark:text-neutral-400">{label}</h4>
      <div className="max-h-72 overflow-auto">
        {json ? (
          <pre className="text-xs whitespace-pre-wrap break-all">{JSON.stringify(value, null, 2) ?? '—'}</pre>
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
