import { eq } from 'drizzle-orm';
import type { UserActor } from '../../../../actor.js';
import type { WorkflowDefinition } from '../../definition.js';
import type { WorkflowDeps } from '../../deps.js';
import { RunInputInvalidError, WorkflowRunNotFoundError } from '../../errors.js';
import { pipelineSourceSchema, sourceFields } from '../../pipeline/items.js';
import { type RunTrigger, type WorkflowRow, type WorkflowRunRow, workflowRuns } from '../../table.js';
import { checkRunInput } from './input-check.js';
import { commitUnflushed } from '../../../../db/commit-unflushed.js';

/** What a run is started from (service.runs.start, triggers, a parent's `workflow` step). */
export interface RunRequest {
  workflow: string;
  input?: Record<string, unknown> | undefined;
  version?: number | undefined;
  trigger: RunTrigger;
  runId?: string | undefined;
  parentRunId?: string | undefined;
}

/** Finds a workflow (the actor's own, or a shared one) by id or name, and the version asked for: service.definitions.resolve. */
export type ResolveWorkflow = (
  actor: UserActor,
  idOrName: string,
  version?: number,
) => Promise<{ row: WorkflowRow; definition: WorkflowDefinition; version: number }>;

/**
 * Checks the input and inserts the run's row (queued). A run id given twice (a trigger firing on two
 * instances) inserts once: the second gets the first's row, never a second run. Someone else's run
 * under that id is not found.
 */
export async function prepareRun(
  deps: WorkflowDeps,
  resolveWorkflow: ResolveWorkflow,
  actor: UserActor,
  request: RunRequest,
): Promise<WorkflowRunRow> {
  if (request.runId) {
    const existing = await findRun(deps, request.runId);
    if (existing) return ownRun(existing, actor, request.runId);
  }
  const { row, definition, version } = await resolveWorkflow(actor, request.workflow, request.version);
  const input = request.input ?? {};
  if (definition.kind === 'pipeline') {
    const source = pipelineSourceSchema.safeParse(input);
    if (!source.success) {
      const [issue] = source.error.issues;
      const field = issue?.path.join('.') ?? '';
      throw new RunInputInvalidError(
        `input${field ? `.${field}` : ''}: ${issue?.message ?? 'is not valid'}`,
        field,
      );
    }
    const own = Object.fromEntries(Object.entries(input).filter(([key]) => !sourceFields.includes(key)));
    checkRunInput(definition.input_schema, own);
  } else checkRunInput(definition.input_schema, input);
  return insertRun(deps, actor, {
    id: request.runId ?? deps.ids(),
    workflowId: row.id,
    workflowName: row.name,
    version,
    definition,
    input,
    trigger: request.trigger,
    parentRunId: request.parentRunId ?? null,
  });
}

/**
 * Inserts a queued run (on conflict, the existing one: it must be the actor's). The insert commits
 * without waiting for the disk (`synchronous_commit = off`): every caller starts the run's DBOS
 * workflow next (or, for a child run, is inside a DBOS step whose checkpoint comes next), a
 * synchronous commit on the same server, and Postgres flushes its log in order, so the row is on
 * disk before anyone is told of the run. A crash before that loses the row of a run nobody was told
 * of (a trigger fires it again; a parent's step runs again), as the same crash a moment before the
 * insert would. See records.ts.
 */
export async function insertRun(
  deps: WorkflowDeps,
  actor: UserActor,
  run: Pick<
    WorkflowRunRow,
    'id' | 'workflowId' | 'workflowName' | 'version' | 'definition' | 'input' | 'trigger' | 'parentRunId'
  >,
): Promise<WorkflowRunRow> {
  const [inserted] = await commitUnflushed(deps.db, (tx) =>
    tx
      .insert(workflowRuns)
      .values({
        ...run,
        ownerId: actor.userId,
        status: 'queued',
        stepsTotal: run.definition.steps.length,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning(),
  );
  if (inserted) return inserted;
  const existing = await findRun(deps, run.id);
  if (!existing) throw new Error(`Workflow run ${run.id} was neither inserted nor found`);
  return ownRun(existing, actor, run.id);
}

async function findRun(deps: WorkflowDeps, runId: string): Promise<WorkflowRunRow | undefined> {
  const [row] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
  return row;
}

function ownRun(row: WorkflowRunRow, actor: UserActor, runId: string): WorkflowRunRow {
  if (row.ownerId !== actor.userId) throw new WorkflowRunNotFoundError(runId);
  return row;
}
