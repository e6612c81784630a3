import type { WorkflowDeps } from '../../deps.js';
import { openRunStatuses } from '../../run/records.js';
import type { WorkflowRunRow } from '../../table.js';

/** How often the row is read again when no event came (an event from another instance may be lost). */
const pollMs = 1_000;

/** The events after which a run may have ended. */
const endEvents = new Set(['workflow.run.completed', 'workflow.run.failed', 'workflow.run.cancelled']);

/** The least time between two reads of the row for progress (a pipeline's events come by hundreds). */
const progressGapMs = 250;

/**
 * Waits for a run's end: its row is read again at each of its end events (which cross instances on
 * the bus) at once, when `onStep` hears its progress after its other events (at most every quarter
 * second), and at least every second.
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
  let progressed: (() => void) | undefined;
  let lastMessage = '';
  const unsubscribe = deps.bus.subscribe('workflow.*', (event) => {
    const data = event.data as { run_id?: string; step_path?: string; status?: string; error_code?: string };
    if (data.run_id !== runId) return;
    if (endEvents.has(event.type)) return wake?.();
    if (!onStep) return;
    if (data.step_path)
      lastMessage = `${data.step_path} ${data.status ?? (data.error_code ? 'failed' : '')}`.trim();
    progressed?.();
  });
  try {
    let done = -1;
    for (;;) {
      const row = await read();
      const readAt = Date.now();
      if (onStep && row.stepsDone !== done) {
        done = row.stepsDone;
        if (done > 0)
          onStep(row.stepsDone, row.stepsTotal, lastMessage || `${row.stepsDone} of ${row.stepsTotal} steps`);
      }
      const left = deadline - Date.now();
      if (!openRunStatuses.includes(row.status) || left <= 0) return row;
      await new Promise<void>((resolve) => {
        let timer = setTimeout(resolve, Math.min(pollMs, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        progressed = () => {
          clearTimeout(timer);
          timer = setTimeout(resolve, Math.max(0, readAt + progressGapMs - Date.now()));
        };
      });
      wake = undefined;
      progressed = undefined;
    }
  } finally {
    unsubscribe();
  }
}
