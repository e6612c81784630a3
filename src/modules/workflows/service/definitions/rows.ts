import { executionPlan } from '../validate/derive-needs.js';
import { and, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/database.js';
import { escapeLike } from '../../../../db/like.js';
import type { Workflow } from '../../schema/workflows.js';
import { type WorkflowRow, workflowRuns, workflows } from '../../table.js';
import { nextScheduledRun } from '../../triggers/next-run.js';

/** Rows the user may read: their own and everyone's shared ones. */
export const visibleTo = (userId: string): SQL =>
  or(eq(workflows.ownerId, userId), eq(workflows.visibility, 'shared')) as SQL;

/**
 * The workflow `idOrName` names for the user among `scope`: an id first, then a name — theirs
 * before a shared one, the newest shared one when several users share that name.
 */
export async function findWorkflow(
  db: Database,
  userId: string,
  idOrName: string,
  scope: 'visible' | 'owned',
): Promise<WorkflowRow | undefined> {
  const allowed = scope === 'owned' ? eq(workflows.ownerId, userId) : visibleTo(userId);
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(allowed, or(eq(workflows.id, idOrName), eq(workflows.name, idOrName))))
    .orderBy(
      sql`${workflows.id} = ${idOrName} desc`,
      sql`${workflows.ownerId} = ${userId} desc`,
      desc(workflows.id),
    )
    .limit(1);
  return row;
}

type LastRun = NonNullable<Workflow['last_run']>;

/** The user's own last run of each workflow (never another user's run of a shared one). */
export async function lastRunsOf(
  db: Database,
  userId: string,
  workflowIds: string[],
): Promise<Map<string, LastRun>> {
  if (workflowIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([workflowRuns.workflowId], {
      workflowId: workflowRuns.workflowId,
      id: workflowRuns.id,
      status: workflowRuns.status,
      createdAt: workflowRuns.createdAt,
    })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.ownerId, userId), inArray(workflowRuns.workflowId, workflowIds)))
    .orderBy(workflowRuns.workflowId, desc(workflowRuns.createdAt), desc(workflowRuns.id));
  return new Map(
    rows.map((row) => [
      row.workflowId as string,
      { id: row.id, status: row.status, at: row.createdAt.toISOString() },
    ]),
  );
}

/** A workflow as the viewer sees it at `now` (its next scheduled run is the next after now). */
export function toWorkflowView(
  row: WorkflowRow,
  viewerId: string,
  lastRun: LastRun | undefined,
  now: Date,
): Workflow {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    definition: row.definition,
    version: row.version,
    visibility: row.visibility,
    published: row.published,
    is_owner: row.ownerId === viewerId,
    template: row.template,
    last_run: lastRun ?? null,
    next_run_at: nextScheduledRun(row.definition, now)?.toISOString() ?? null,
    plan: executionPlan(row.definition),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * A name free among the user's workflows: `wanted`, else `wanted-2`, `wanted-3` … (cut to fit the
 * 64 characters a name may have).
 */
export async function freeName(db: Database, userId: string, wanted: string): Promise<string> {
  const stem = wanted.slice(0, 60);
  const taken = new Set(
    (
      await db
        .select({ name: workflows.name })
        .from(workflows)
        .where(and(eq(workflows.ownerId, userId), like(workflows.name, `${escapeLike(stem)}%`)))
    ).map((row) => row.name),
  );
  if (!taken.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
