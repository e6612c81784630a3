import type { MessageMetrics } from '../../../api/conversations';
import { formatDuration } from '../../../components/tool-card/tool-card';

/** The model id of the built-in assistant (no language model): it writes whole replies at once. */
const builtInAssistant = 'offline';

/**
 * How a reply went: tokens in and out, time to first token, total time, tokens per second. Shown
 * when the reply is hovered or has keyboard focus inside it. The built-in assistant's replies get
 * an "offline" badge instead of a speed: its tokens per second measure nothing a user can use.
 */
export function ReplyMetrics({
  metrics,
  model,
}: {
  metrics: MessageMetrics | null | undefined;
  model?: string | null | undefined;
}) {
  const offline = model === builtInAssistant;
  return (
    <>
      {offline && (
        <span
          title="Answered by the built-in assistant, without a language model"
          className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-medium text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
        >
          offline
        </span>
      )}
      {metrics && <MetricsLine metrics={metrics} offline={offline} />}
    </>
  );
}

function MetricsLine({ metrics, offline }: { metrics: MessageMetrics; offline: boolean }) {
  const items = [
    metrics.input_tokens !== null && `${metrics.input_tokens.toLocaleString()} tokens in`,
    metrics.output_tokens !== null && `${metrics.output_tokens.toLocaleString()} tokens out`,
    metrics.time_to_first_token_ms !== null &&
      `first token ${formatDuration(metrics.time_to_first_token_ms)}`,
    metrics.total_ms !== null && `total ${formatDuration(metrics.total_ms)}`,
    !offline && metrics.tokens_per_second !== null && `${metrics.tokens_per_second} tokens/s`,
  ].filter((item): item is string => typeof item === 'string');
  if (items.length === 0) return null;
  return (
    <p className="text-xs text-neutral-600 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 dark:text-neutral-400">
      {items.join(' · ')}
    </p>
  );
}
