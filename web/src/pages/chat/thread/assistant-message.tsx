import { isToolUIPart } from 'ai';
import { Icon } from '../../../layout/icons';
import { BranchSwitcher } from './branch-switcher';
import { MarkdownText } from './markdown-text';
import { ReplyMetrics } from './reply-metrics';
import type { ThreadMessage } from './thread-message';
import { ToolCard } from '../../../components/tool-card/tool-card';

const iconButton =
  'rounded p-1 text-neutral-700 hover:bg-neutral-100 disabled:opacity-40 dark:text-neutral-300 dark:hover:bg-neutral-800';

/**
 * A reply: its text as Markdown, its tool calls as cards, how it ended (stopped, failed), its
 * versions, "Regenerate reply" and, on hover or focus, its metrics.
 */
export function AssistantMessage({
  message,
  busy,
  onRegenerate,
  onSwitch,
  onAnswer,
}: {
  message: ThreadMessage;
  busy: boolean;
  onRegenerate: (message: ThreadMessage) => void;
  onSwitch: (messageId: string) => void;
  onAnswer: (approvalId: string, approved: boolean) => void;
}) {
  const metadata = message.metadata;
  const stored = metadata?.branch !== undefined;
  const finished = metadata?.status !== undefined && metadata.status !== 'streaming';
  return (
    <div className="group flex flex-col gap-1">
      {message.parts.map((part, index) => {
        if (part.type === 'text') return part.text ? <MarkdownText key={index} text={part.text} /> : null;
        if (part.type === 'reasoning')
          return (
            <details key={index} className="text-sm text-neutral-700 dark:text-neutral-300">
              <summary className="cursor-pointer">Reasoning</summary>
              <p className="mt-1 whitespace-pre-wrap">{part.text}</p>
            </details>
          );
        if (part.type === 'file')
          return (
            <a key={index} href={part.url} target="_blank" rel="noopener noreferrer" className="text-sm">
              {part.filename ?? 'Attached file'}
            </a>
          );
        if (isToolUIPart(part))
          return <ToolCard key={part.toolCallId} part={part} onAnswer={onAnswer} answering={busy} />;
        return null;
      })}
      {metadata?.status === 'interrupted' && (
        <p className="text-sm text-neutral-600 italic dark:text-neutral-400">Stopped before it finished.</p>
      )}
      {metadata?.status === 'error' && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          The reply failed
          {metadata.error ? `: ${metadata.error.message} (${metadata.error.code})` : '.'}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <BranchSwitcher branch={metadata?.branch} disabled={busy} onSwitch={onSwitch} />
        {stored && finished && (
          <button
            type="button"
            aria-label="Regenerate reply"
            title="Regenerate reply"
            disabled={busy}
            className={iconButton}
            onClick={() => onRegenerate(message)}
          >
            <Icon name="refresh" className="size-4" />
          </button>
        )}
        <ReplyMetrics metrics={metadata?.metrics} model={metadata?.model} />
      </div>
    </div>
  );
}
