import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { UserActor } from '../../../../actor.js';
import { InvalidInputError } from '../../../../errors.js';
import type { WorkflowDeps } from '../../deps.js';
import {
  type ListWorkflowRunsInput,
  listWorkflowRunsInputSchema,
  toWorkflowRunView,
  type WorkflowRunPage,
} from '../../schema/runs.js';
import { workflowRuns } from '../../table.js';

interface Position {
  at: string;
  id: string;
}

/**
 * The actor's runs, newest first, filtered, a page at a time. Keyset on (created_at, id): run ids
 * are not all time-ordered (a schedule's are `sched:<workflow>:<time>`), so the cursor holds both.
 */
export async function listRuns(
  deps: WorkflowDeps,
  actor: UserActor,
  query: ListWorkflowRunsInput,
): Promise<WorkflowRunPage> {
  const { status, workflow_id, since, until, limit, cursor } = listWorkflowRunsInputSchema.parse(query);
  const conditions: SQL[] = [eq(workflowRuns.ownerId, actor.userId)];
  if (status) conditions.push(eq(workflowRuns.status, status));
  if (workflow_id) conditions.push(eq(workflowRuns.workflowId, workflow_id));
  if (since) conditions.push(gte(workflowRuns.createdAt, new Date(since)));
  if (until) conditions.push(lt(workflowRuns.createdAt, new Date(until)));
  if (cursor) {
    const { at, id } = readPosition(cursor);
    const after = new Date(at);
    conditions.push(
      or(
        lt(workflowRuns.createdAt, after),
        and(eq(workflowRuns.createdAt, after), lt(workflowRuns.id, id)),
      ) as SQL,
    );
  }
  const rows = await deps.db
    .select()
    .from(workflowRuns)
    .where(and(...conditions))
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toWorkflowRunView),
    next_cursor:
      rows.length > limit && last
        ? Buffer.from(
            JSON.stringify({ at: last.createdAt.toISOString(), id: last.id } satisfies Position),
          ).toString('base64url')
        : null,
  };
}

function readPosition(cursor: string): Position {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position>;
    if (typeof value.id === 'string' && typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)))
      return { at: value.at, id: value.id };
  } catch {
    // the same error as a well-formed but foreign value
  }
  throw new InvalidInputError('The cursor is not valid: pass back the next_cursor of a previous page', {
    field: 'cursor',
  });
}
