import type { ToolContext } from '../../../tools/tool.js';

/**
 * Progress for one phase of a longer job, reported as a percentage of the whole: the phase runs
 * from `from` to `to` percent. MCP requires progress to grow with every notification, so a value
 * not above the last one sent is not sent; cancellation is checked at every step.
 */
export function phaseProgress(
  context: Pick<ToolContext, 'signal' | 'progress'> | undefined,
  { from, to, message }: { from: number; to: number; message: string },
  last: { percent: number } = { percent: 0 },
) {
  return async (done: number, total: number): Promise<void> => {
    context?.signal.throwIfAborted();
    const percent = Math.floor(from + ((to - from) * done) / Math.max(total, 1));
    if (percent <= last.percent) return;
    last.percent = percent;
    await context?.progress(percent, 100, message);
  };
}
