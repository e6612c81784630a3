import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/database.js';
import { ApprovalExpiredError } from '../../errors.js';
import { resolveTemplates } from '../../expressions.js';
import { approvalTopic } from '../../service/approvals.js';
import { workflowApprovals, workflowRuns } from '../../table.js';
import type { StepKindRunner, StepRunContext } from '../step-kind.js';

/** The longest a waiting step sleeps on DBOS.recv before it reads its row again. */
const maxRecvSeconds = 60;

/** What a wait's row says, read inside a DBOS step (so a replay reads the same). */
export type WaitState<T> =
  { state: 'done'; result: T } | { state: 'expired' } | { state: 'waiting'; remaining_ms: number | null };

/**
 * Waits durably on a row: reads it (a DBOS step), and while it says "waiting" sleeps on
 * `DBOS.recv(topic)` for at most 60 s (or until it expires) and reads it again. The row is the
 * truth and the message only wakes: an answer whose message was lost to a crash is still seen at
 * the next read. Every act is a DBOS operation, in the same order on every replay.
 */
export async function waitOnRow<T>({
  topic,
  name,
  read,
}: {
  topic: string;
  name: string;
  read: () => Promise<WaitState<T>>;
}): Promise<{ state: 'done'; result: T } | { state: 'expired' }> {
  for (;;) {
    const now = await DBOS.runStep(read, { name });
    if (now.state !== 'waiting') return now;
    const seconds =
      now.remaining_ms === null ? maxRecvSeconds : Math.min(maxRecvSeconds, now.remaining_ms / 1000);
    await DBOS.recv(topic, { timeoutSeconds: Math.max(seconds, 0.05) });
  }
}

/** An approval step's output: the workflow branches on `steps.<id>.output.approved`. */
export interface ApprovalOutput {
  approved: boolean;
  comment: string | null;
  values: Record<string, unknown> | null;
  answered_by: string | null;
  answered_at: string | null;
}

/**
 * Waits for a person: makes the approval row (it shows in the owner's inbox), marks the run
 * waiting, sleeps on DBOS.recv until answered or expired, and gives `{ approved, comment, values,
 * answered_by, answered_at }`. A refusal is an answer (approved: false), not a failure; expiry
 * fails the step with APPROVAL_EXPIRED. The message comes resolved in `input.message` when the
 * executor resolved it, otherwise its `{{ }}` are resolved here over the scope.
 */
export const runApprovalStep: StepKindRunner<'approval'> = async (step, input, context) => {
  const message =
    typeof input.message === 'string'
      ? input.message
      : String(resolveTemplates(step.message, context.scope as unknown as Record<string, unknown>));
  const approvalId = await DBOS.runStep(
    () => openApproval(context, { message, fields: step.fields ?? null, timeoutMs: step.timeout_ms }),
    { name: 'approval.open' },
  );
  await context.markWaiting('approval', approvalId);
  const outcome = await waitOnRow({
    topic: approvalTopic(approvalId),
    name: 'approval.read',
    read: () => readApproval(context.deps.db, approvalId),
  });
  await context.markRunning();
  if (outcome.state === 'expired') throw new ApprovalExpiredError(approvalId);
  return { output: outcome.result };
};

/** Inserts the approval row once: a repeat of this step finds the row of the first (run, path). */
async function openApproval(
  { deps, run, path, dbosWorkflowId }: StepRunContext,
  {
    message,
    fields,
    timeoutMs,
  }: { message: string; fields: Record<string, unknown> | null; timeoutMs?: number },
): Promise<string> {
  const now = deps.clock.now();
  await deps.db
    .insert(workflowApprovals)
    .values({
      id: deps.ids(),
      ownerId: run.ownerId,
      runId: run.id,
      stepPath: path,
      dbosWorkflowId,
      message,
      fields,
      status: 'pending',
      expiresAt: timeoutMs === undefined ? null : new Date(now.getTime() + timeoutMs),
      createdAt: now,
    })
    .onConflictDoNothing({ target: [workflowApprovals.runId, workflowApprovals.stepPath] });
  const [row] = await deps.db
    .select({ id: workflowApprovals.id })
    .from(workflowApprovals)
    .where(and(eq(workflowApprovals.runId, run.id), eq(workflowApprovals.stepPath, path)));
  if (!row) throw new Error(`The approval of step ${path} was not stored`);
  return row.id;
}

/**
 * The approval's state, by the database's clock (the answer route's condition uses the same). A
 * pending one past its time is marked expired here, conditionally, so an answer racing it either
 * wins before or is refused after. A cancelled one is asked again once its run is resumed.
 */
async function readApproval(db: Database, approvalId: string): Promise<WaitState<ApprovalOutput>> {
  const byId = eq(workflowApprovals.id, approvalId);
  const [row] = await db
    .select({
      status: workflowApprovals.status,
      comment: workflowApprovals.comment,
      values: workflowApprovals.values,
      answeredBy: workflowApprovals.answeredBy,
      answeredAt: workflowApprovals.answeredAt,
      remainingMs: sql<
        number | null
      >`(extract(epoch from (${workflowApprovals.expiresAt} - now())) * 1000)::float8`,
    })
    .from(workflowApprovals)
    .where(byId);
  if (!row) throw new Error(`Approval ${approvalId} is gone`);
  if (row.status === 'approved' || row.status === 'refused')
    return {
      state: 'done',
      result: {
        approved: row.status === 'approved',
        comment: row.comment,
        values: row.values ?? null,
        answered_by: row.answeredBy,
        answered_at: row.answeredAt?.toISOString() ?? null,
      },
    };
  if (row.status === 'expired') return { state: 'expired' };
  if (row.status === 'cancelled') {
    // Asked again only once the run is resumed (its row no longer cancelled): a read still in
    // flight while the run is being cancelled must leave the approval closed.
    const reopened = await db
      .update(workflowApprovals)
      .set({ status: 'pending', answeredAt: null })
      .where(
        and(
          byId,
          eq(workflowApprovals.status, 'cancelled'),
          sql`exists (select 1 from ${workflowRuns} where ${workflowRuns.id} = ${workflowApprovals.runId}
            and ${workflowRuns.status} <> 'cancelled')`,
        ),
      )
      .returning({ id: workflowApprovals.id });
    return reopened.length > 0 ? readApproval(db, approvalId) : { state: 'waiting', remaining_ms: null };
  }
  if (row.remainingMs !== null && row.remainingMs <= 0) {
    const expired = await db
      .update(workflowApprovals)
      .set({ status: 'expired' })
      .where(and(byId, eq(workflowApprovals.status, 'pending')))
      .returning({ id: workflowApprovals.id });
    return expired.length > 0 ? { state: 'expired' } : readApproval(db, approvalId);
  }
  return { state: 'waiting', remaining_ms: row.remainingMs };
}
