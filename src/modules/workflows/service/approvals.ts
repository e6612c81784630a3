import { DBOS, Error as DBOSErrors } from '@dbos-inc/dbos-sdk';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor, Surface } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { WorkflowDeps } from '../deps.js';
import { ApprovalAnsweredError, ApprovalNotFoundError } from '../errors.js';
import {
  type AnswerApprovalBody,
  type ApprovalPage,
  type ApprovalView,
  answerApprovalBodySchema,
  type ListApprovalsInput,
  listApprovalsInputSchema,
} from '../schema/approvals.js';
import { type WorkflowApprovalRow, workflowApprovals, workflowRuns } from '../table.js';
import { checkApprovalValues } from './approval-values.js';

/** The DBOS topic an approval's answer wakes its waiting step on. */
export const approvalTopic = (approvalId: string) => `approval:${approvalId}`;

type ApprovalRecord = WorkflowApprovalRow & { workflowName: string };

export function toApprovalView(row: ApprovalRecord): ApprovalView {
  return {
    id: row.id,
    run_id: row.runId,
    workflow_name: row.workflowName,
    step_path: row.stepPath,
    message: row.message,
    fields: row.fields ?? null,
    status: row.status,
    comment: row.comment,
    values: row.values ?? null,
    answered_by: row.answeredBy,
    answered_via: row.answeredVia,
    expires_at: row.expiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    answered_at: row.answeredAt?.toISOString() ?? null,
  };
}

/**
 * The user's inbox of approvals: list, read, answer. Only the run's owner sees or answers one
 * (anyone else: APPROVAL_NOT_FOUND). The row is the truth: the answer is a conditional update, so
 * exactly one wins; the DBOS message sent after it only wakes the waiting step sooner.
 */
export function createWorkflowApprovals({ db, clock, bus, engine, logger }: WorkflowDeps) {
  const selectRecords = () =>
    db
      .select({ approval: workflowApprovals, workflowName: workflowRuns.workflowName })
      .from(workflowApprovals)
      .innerJoin(workflowRuns, eq(workflowRuns.id, workflowApprovals.runId));
  const flatten = ({ approval, workflowName }: { approval: WorkflowApprovalRow; workflowName: string }) => ({
    ...approval,
    workflowName,
  });

  async function loadOwned(actor: Actor, approvalId: string): Promise<ApprovalRecord> {
    const { userId } = requireUser(actor);
    const [row] = await selectRecords().where(
      and(eq(workflowApprovals.id, approvalId), eq(workflowApprovals.ownerId, userId)),
    );
    if (!row) throw new ApprovalNotFoundError(approvalId);
    return flatten(row);
  }

  /** Wakes the waiting step; a run whose DBOS workflow is gone has nothing left to wake. */
  async function wake(row: WorkflowApprovalRow) {
    try {
      await DBOS.send(row.dbosWorkflowId, { approval_id: row.id }, approvalTopic(row.id), row.id);
    } catch (error) {
      if (!(error instanceof DBOSErrors.DBOSNonExistentWorkflowError)) throw error;
      logger.warn({ approval: row.id, run: row.runId }, 'the answered approval has no waiting workflow');
    }
  }

  return {
    /** The actor's approvals, newest first: by default those waiting for an answer. */
    async list(actor: Actor, input: ListApprovalsInput = {}): Promise<ApprovalPage> {
      const { userId } = requireUser(actor);
      const { status, limit, cursor } = listApprovalsInputSchema.parse(input);
      const conditions: SQL[] = [eq(workflowApprovals.ownerId, userId)];
      if (status !== 'all') conditions.push(eq(workflowApprovals.status, status));
      if (cursor) conditions.push(lt(workflowApprovals.id, cursorPosition(cursor)));
      const rows = await selectRecords()
        .where(and(...conditions))
        .orderBy(desc(workflowApprovals.id)) // ids are UUIDv7: newest first
        .limit(limit + 1);
      const page = pageFrom(rows.map(flatten), limit, toApprovalView);
      return { items: page.items, next_cursor: page.nextCursor };
    },

    async get(actor: Actor, approvalId: string): Promise<ApprovalView> {
      return toApprovalView(await loadOwned(actor, approvalId));
    },

    /**
     * Answers a pending approval: approve or refuse, with a comment and the form values (checked
     * against its fields). A second answer, or one after it expired, is APPROVAL_ALREADY_ANSWERED.
     * Without the engine the answer is recorded and the run takes it up within a minute.
     */
    async answer(
      actor: Actor,
      approvalId: string,
      body: AnswerApprovalBody,
      via: Surface = actor.via,
    ): Promise<ApprovalView> {
      const { userId } = requireUser(actor);
      const { approved, comment, values } = answerApprovalBodySchema.parse(body);
      const current = await loadOwned(actor, approvalId);
      if (current.status !== 'pending') throw new ApprovalAnsweredError(current.status);
      const checkedValues = checkApprovalValues(current.fields, values);
      const [answered] = await db
        .update(workflowApprovals)
        .set({
          status: approved ? 'approved' : 'refused',
          comment: comment ?? null,
          values: checkedValues,
          answeredBy: userId,
          answeredVia: via,
          answeredAt: clock.now(),
        })
        .where(
          and(
            eq(workflowApprovals.id, approvalId),
            eq(workflowApprovals.status, 'pending'),
            sql`(${workflowApprovals.expiresAt} is null or ${workflowApprovals.expiresAt} > now())`,
          ),
        )
        .returning();
      if (!answered) {
        const now = await loadOwned(actor, approvalId);
        throw new ApprovalAnsweredError(now.status === 'pending' ? 'expired' : now.status);
      }
      await bus.publish(actor, 'workflow.approval.answered', {
        approval_id: approvalId,
        run_id: answered.runId,
        owner_id: answered.ownerId,
        approved,
      });
      // The row is the truth: the waiting step re-reads it at least every minute, so without the
      // engine here (`switchboard mcp`, one-shot commands) the answer still reaches the run.
      if (engine) await wake(answered);
      return toApprovalView({ ...answered, workflowName: current.workflowName });
    },
  };
}
export type WorkflowApprovals = ReturnType<typeof createWorkflowApprovals>;
