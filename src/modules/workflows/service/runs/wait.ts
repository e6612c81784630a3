import type { WorkflowDeps } from '../../deps.js';
import { openRunStatuses } from '../../run/records.js';
import type { WorkflowRunRow } from '../../table.js';

/** How often the row is read again when no event came (an event from another instance may be lost). */
const pollMs = 1_000;

/** The events after which a run may have ended. */
const endEvents = new Set(['workflow.run.completed', 'workflow.run.failed', 'workflow.run.cancelled']);

/**
 * Waits for a run's end: its row is read again at each of its end events (which cross instances on
 * the bus), at each of its step events when `onStep` hears each change of its progress, and at least
 * every second.
 */
export async function waitForRunEnd(
  deps: WorkflowDeps,
  read: () => Promise<WorkflowRunRow>,
  runId: string,
  {
    timeoutMs,
    onStep,
  }: { timeoutMs: number; onStep?: (done: number, total: number, message: string) => void },
): Promise<WorkflowRunRow> {
  const deadline = Date.now() + timeoutMs;
  let wake: (() => void) | undefined;
  let lastMessage = '';
  const unsubscribe = deps.bus.subscribe('workflow.*', (event) => {
    const data = event.data as { run_id?: string; step_path?: string; status?: string; error_code?: string };
    if (data.run_id !== runId || (!onStep && !endEvents.has(event.type))) return;
    if (data.step_path)
      lastMessage = `${data.step_path} ${data.status ?? (data.error_code ? 'failed' : '')}`.trim();
    wake?.();
  });
  try {
    let done = -1;
    for (;;) {
      const row = await read();
      if (onStep && row.stepsDone !== done) {
        done = row.stepsDone;
        if (done > 0)
          onStep(row.stepsDone, row.stepsTotal, lastMessage || `${row.stepsDone} of ${row.stepsTotal} steps`);
      }
      const left = deadline - Date.now();
      if (!openRunStatuses.includes(row.status) || left <= 0) return row;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(pollMs, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}
