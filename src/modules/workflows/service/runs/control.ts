import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { UserActor } from '../../../../actor.js';
import { escapeLike } from '../../../../db/like.js';
import type { WorkflowDeps } from '../../deps.js';
import { RunStateConflictError } from '../../errors.js';
import { openRunStatuses } from '../../run/records.js';
import { workflowApprovals, workflowRunSteps, workflowRuns, type WorkflowRunRow } from '../../table.js';

/** The run and the child runs and parts under it: their ids start with `<run id>:`. */
const underRun = (runId: string) =>
  or(eq(workflowRuns.id, runId), like(workflowRuns.id, `${escapeLike(runId)}:%`));

/**
 * Cancels a run (gives the ids of the runs it ended: the run and its child runs): the rows (the run and its child runs cancelled, their unfinished steps cancelled,
 * their pending approvals cancelled), then DBOS cancels its root and every child workflow (parts
 * and child runs).
 * A run that has ended is a conflict, and so is a child run: its parent awaits it, so the parent is
 * what gets cancelled.
 */
export async function cancelRun(
  deps: WorkflowDeps,
  actor: UserActor,
  row: WorkflowRunRow,
): Promise<string[]> {
  if (row.parentRunId)
    throw new RunStateConflictError(
      `This run is a step of the run ${row.parentRunId}: cancel that run (its child runs stop with it)`,
    );
  if (!openRunStatuses.includes(row.status))
    throw new RunStateConflictError(
      `This run has already ${row.status === 'cancelled' ? 'been cancelled' : row.status}`,
    );
  const now = deps.clock.now();
  const cancelled = await deps.db.transaction(async (tx) => {
    const runs = await tx
      .update(workflowRuns)
      .set({ status: 'cancelled', endedAt: now })
      .where(and(underRun(row.id), inArray(workflowRuns.status, openRunStatuses)))
      .returning({ id: workflowRuns.id });
    const ids = runs.map((run) => run.id);
    if (ids.length === 0) return ids;
    await tx
      .update(workflowRunSteps)
      .set({ status: 'cancelled', endedAt: now })
      .where(
        and(
          inArray(workflowRunSteps.runId, ids),
          inArray(workflowRunSteps.status, ['pending', 'running', 'waiting']),
        ),
      );
    await tx
      .update(workflowApprovals)
      .set({ status: 'cancelled', answeredAt: now })
      .where(and(inArray(workflowApprovals.runId, ids), eq(workflowApprovals.status, 'pending')));
    return ids;
  });
  // The rows first: a workflow stopped by DBOS may still be between two steps, and its rows move
  // forward only, so nothing it writes after this can undo the cancel.
  await DBOS.cancelWorkflow(row.id, { cancelChildren: true });
  const below = await DBOS.listWorkflows({
    workflow_id_prefix: `${row.id}:`,
    loadInput: false,
    loadOutput: false,
  });
  const open = below.filter((workflow) => ['PENDING', 'ENQUEUED', 'DELAYED'].includes(workflow.status));
  if (open.length > 0) await DBOS.cancelWorkflows(open.map((workflow) => workflow.workflowID));
  if (cancelled.includes(row.id))
    await deps.bus.publish(actor, 'workflow.run.cancelled', { run_id: row.id, owner_id: row.ownerId });
  return cancelled;
}

/**
 * Resumes a cancelled run: DBOS replays it from its last completed step, with its cancelled
 * children. Only a run whose DBOS workflow is CANCELLED can go on (DBOS does nothing for one that
 * ended in SUCCESS or ERROR, and the row would stay running for ever); a run that failed, or one
 * whose cancel came after its end, is retried instead.
 */
export async function resumeRun(deps: WorkflowDeps, actor: UserActor, row: WorkflowRunRow): Promise<void> {
  const status = (await DBOS.getWorkflowStatus(row.id))?.status;
  if (row.status !== 'cancelled' || status !== 'CANCELLED')
    throw new RunStateConflictError(resumeRefusal(row.status));
  await deps.db
    .update(workflowRuns)
    .set({ status: 'running', endedAt: null, error: null })
    .where(and(underRun(row.id), eq(workflowRuns.status, 'cancelled')));
  // Its approvals are asked again now: the waiting step, replayed, would see it only when its
  // current wait for an answer (up to a minute) runs out, and an answer wakes it at once.
  await deps.db
    .update(workflowApprovals)
    .set({ status: 'pending', answeredAt: null })
    .where(
      and(
        eq(workflowApprovals.status, 'cancelled'),
        inArray(
          workflowApprovals.runId,
          deps.db.select({ id: workflowRuns.id }).from(workflowRuns).where(underRun(row.id)),
        ),
      ),
    );
  // A step cut off while it waited waits again (DBOS replays its wait without marking it anew).
  const waiting = await deps.db
    .update(workflowRunSteps)
    .set({ status: 'waiting', endedAt: null })
    .where(
      and(
        eq(workflowRunSteps.status, 'cancelled'),
        inArray(workflowRunSteps.kind, Object.keys(waitOf)),
        inArray(
          workflowRunSteps.runId,
          deps.db.select({ id: workflowRuns.id }).from(workflowRuns).where(underRun(row.id)),
        ),
      ),
    )
    .returning({ runId: workflowRunSteps.runId, path: workflowRunSteps.path, kind: workflowRunSteps.kind });
  if (waiting.length > 0)
    await deps.db
      .update(workflowRuns)
      .set({ status: 'waiting' })
      .where(
        and(
          inArray(workflowRuns.id, [...new Set(waiting.map((step) => step.runId))]),
          eq(workflowRuns.status, 'running'),
        ),
      );
  await deps.db.execute(sql`update ${workflowRunSteps} set status = 'running', ended_at = null
    where ${workflowRunSteps.status} = 'cancelled' and ${workflowRunSteps.runId} in
    (select ${workflowRuns.id} from ${workflowRuns} where ${underRun(row.id)})`);
  const below = await DBOS.listWorkflows({
    workflow_id_prefix: `${row.id}:`,
    loadInput: false,
    loadOutput: false,
  });
  const stopped = below.filter((workflow) => workflow.status === 'CANCELLED' || workflow.status === 'ERROR');
  if (stopped.length > 0) await DBOS.resumeWorkflows(stopped.map((workflow) => workflow.workflowID));
  await DBOS.resumeWorkflow(row.id);
  for (const step of waiting)
    await deps.bus.publish(actor, 'workflow.run.waiting', {
      run_id: step.runId,
      owner_id: row.ownerId,
      step_path: step.path,
      waiting_for: waitOf[step.kind as keyof typeof waitOf],
    });
}

/** The step kinds that wait, and what each waits for. */
const waitOf = { approval: 'approval', wait_event: 'event', sleep: 'sleep' } as const;

/** Why a run cannot be resumed, and what to do instead. */
function resumeRefusal(status: WorkflowRunRow['status']): string {
  if (status === 'failed')
    return 'This run failed and cannot go on: retry it (a new run that keeps the steps that succeeded)';
  if (status === 'cancelled')
    return 'This run had ended when its cancel came and cannot go on: re-run it (a new run with the same input)';
  return `Only a cancelled run can be resumed; this one is ${status}`;
}
