import type { MessageMetrics } from '../../../api/conversations';
import { formatDuration } from './tool-card';

/**
 * How a reply went: tokens in and out, time to first token, total time, tokens per second. Shown
 * when the reply is hovered or has keyboard focus inside it.
 */
export function ReplyMetrics({ metrics }: { metrics: MessageMetrics | null | undefined }) {
  if (!metrics) return null;
  const items = [
    metrics.input_tokens !== null && `${metrics.input_tokens.toLocaleString()} tokens in`,
    metrics.output_tokens !== null && `${metrics.output_tokens.toLocaleString()} tokens out`,
    metrics.time_to_first_token_ms !== null &&
      `first token ${formatDuration(metrics.time_to_first_token_ms)}`,
    metrics.total_ms !== null && `total ${formatDuration(metrics.total_ms)}`,
    metrics.tokens_per_second !== null && `${metrics.tokens_per_second} tokens/s`,
  ].filter((item): item is string => typeof item === 'string');
  if (items.length === 0) return null;
  return (
    <p className="text-xs text-neutral-600 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 dark:text-neutral-400">
      {items.join(' · ')}
    </p>
  );
}
