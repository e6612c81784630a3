import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/database.js';
import { EventWaitTimeoutError } from '../../errors.js';
import { eventTopic, type WaitedEvent } from '../../service/event-waits.js';
import { workflowEventWaits } from '../../table.js';
import type { StepKindRunner, StepRunContext } from '../step-kind.js';
import { type WaitState, waitOnRow } from './approval.js';

/**
 * Waits for a bus event of the run's owner whose type matches `event` (a pattern, `task.*`) and
 * whose `filter` holds over `event` ({ id, type, at, data }), or its timeout (EVENT_WAIT_TIMEOUT).
 * Gives the event. The wait row is written first (a DBOS step); the instance's subscriber
 * (service/event-waits.ts) claims it for the first matching event published after that and wakes
 * this step; events from before the row existed are not seen.
 */
export const runWaitEventStep: StepKindRunner<'wait_event'> = async (step, _input, context) => {
  const waitId = await DBOS.runStep(
    () => openWait(context, { pattern: step.event, filter: step.filter ?? null, timeoutMs: step.timeout_ms }),
    { name: 'wait_event.open' },
  );
  await context.markWaiting('event');
  const outcome = await waitOnRow({
    topic: eventTopic(waitId),
    name: 'wait_event.read',
    read: () => readWait(context.deps.db, waitId),
  });
  await context.markRunning();
  if (outcome.state === 'expired') throw new EventWaitTimeoutError(step.event);
  return { output: outcome.result };
};

/**
 * Inserts the wait row once: a repeat of this step finds the row of the first (run, path). This
 * instance's subscriber knows the owner may wait before the row exists (`waitingOwners`).
 */
async function openWait(
  { deps, run, path, dbosWorkflowId }: StepRunContext,
  { pattern, filter, timeoutMs }: { pattern: string; filter: string | null; timeoutMs?: number },
): Promise<string> {
  const now = deps.clock.now();
  await deps.waitingOwners.opening(run.ownerId, () =>
    deps.db
      .insert(workflowEventWaits)
      .values({
        id: deps.ids(),
        ownerId: run.ownerId,
        runId: run.id,
        stepPath: path,
        dbosWorkflowId,
        pattern,
        filter,
        expiresAt: timeoutMs === undefined ? null : new Date(now.getTime() + timeoutMs),
        createdAt: now,
      })
      .onConflictDoNothing({ target: [workflowEventWaits.runId, workflowEventWaits.stepPath] }),
  );
  const [row] = await deps.db
    .select({ id: workflowEventWaits.id })
    .from(workflowEventWaits)
    .where(and(eq(workflowEventWaits.runId, run.id), eq(workflowEventWaits.stepPath, path)));
  if (!row) throw new Error(`The event wait of step ${path} was not stored`);
  return row.id;
}

/**
 * The wait's state by the database's clock: matched (the claim sets matched_event), expired (the
 * claim's condition refuses a match after expires_at, so the two cannot both happen), or waiting.
 */
async function readWait(db: Database, waitId: string): Promise<WaitState<WaitedEvent>> {
  const [row] = await db
    .select({
      matchedEvent: workflowEventWaits.matchedEvent,
      remainingMs: sql<
        number | null
      >`(extract(epoch from (${workflowEventWaits.expiresAt} - now())) * 1000)::float8`,
    })
    .from(workflowEventWaits)
    .where(eq(workflowEventWaits.id, waitId));
  if (!row) throw new Error(`Event wait ${waitId} is gone`);
  if (row.matchedEvent) return { state: 'done', result: row.matchedEvent as WaitedEvent };
  if (row.remainingMs !== null && row.remainingMs <= 0) return { state: 'expired' };
  return { state: 'waiting', remaining_ms: row.remainingMs };
}
