import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { WorkflowDeps } from '../deps.js';
import { EngineUnavailableError, RunStateConflictError, WorkflowRunNotFoundError } from '../errors.js';
import { createRunExecutor, type RunExecutor, strandedAfterMs } from '../run/executor.js';
import { openRunStatuses } from '../run/records.js';
import {
  type ListWorkflowRunsInput,
  toWorkflowRunStepView,
  toWorkflowRunView,
  type WorkflowRunDetail,
  type WorkflowRunPage,
  type WorkflowRunView,
} from '../schema/runs.js';
import { type RunTrigger, type WorkflowRunRow, workflowRunSteps, workflowRuns } from '../table.js';
import { cancelRun, resumeRun } from './runs/control.js';
import { listRuns } from './runs/list.js';
import type { WorkflowDefinitions } from './definitions.js';
import { prepareRun, type ResolveWorkflow } from './runs/prepare.js';
import { waitForRunEnd } from './runs/wait.js';
import { createStepCache } from '../pipeline/step-cache.js';
import { createPipelineControl } from './pipelines.js';
import { type PerformanceQuery, type WorkflowPerformance, workflowPerformance } from './performance.js';
import type { PipelineItemPage, PipelineItemsQuery } from '../schema/pipelines.js';

export interface StartRunRequest {
  /** A workflow id or name: the actor's own, or a shared one (it runs as the actor). */
  workflow: string;
  /** Checked against the workflow's input_schema (RUN_INPUT_INVALID with the field). */
  input?: Record<string, unknown> | undefined;
  /** The current version if not given. */
  version?: number | undefined;
  trigger: RunTrigger;
  /**
   * A deterministic id for a trigger that may fire twice or on several instances: starting an
   * existing id gives that run, never a second one.
   */
  runId?: string | undefined;
}

/**
 * Runs: start (manual, trigger, child), read with steps, list, cancel, resume, retry (a new run that
 * copies the failed run's succeeded steps), re-run; the DBOS workflows that execute them are in run/.
 * Reading works without the engine; what acts answers ENGINE_UNAVAILABLE there.
 */
export function createWorkflowRuns(
  deps: WorkflowDeps,
  { definitions }: { definitions: WorkflowDefinitions },
) {
  const resolveWorkflow: ResolveWorkflow = (actor, idOrName, version) =>
    definitions.resolve(actor, idOrName, version);
  const cache = createStepCache(deps);
  const executor = createRunExecutor(deps, resolveWorkflow, cache);
  const pipelines = createPipelineControl(deps);
  const engine = (): RunExecutor => {
    if (!executor) throw new EngineUnavailableError();
    return executor;
  };

  async function loadOwn(actor: Actor, runId: string): Promise<WorkflowRunRow> {
    const { userId } = requireUser(actor);
    const [row] = await deps.db
      .select()
      .from(workflowRuns)
      .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.ownerId, userId)));
    if (!row) throw new WorkflowRunNotFoundError(runId);
    return row;
  }

  /** A new run of the same definition and input as `source` (a retry or a re-run), started. */
  async function again(
    actor: UserActor,
    source: WorkflowRunRow,
    trigger: RunTrigger,
    input: Record<string, unknown> = source.input,
  ): Promise<WorkflowRunView> {
    const running = engine();
    const row = await running.insertRun(actor, {
      id: deps.ids(),
      workflowId: source.workflowId,
      workflowName: source.workflowName,
      version: source.version,
      definition: source.definition,
      input,
      trigger,
      parentRunId: null,
    });
    await running.start(row.id);
    return toWorkflowRunView(row);
  }

  return {
    async start(actor: Actor, request: StartRunRequest): Promise<WorkflowRunView> {
      const user = requireUser(actor);
      const running = engine();
      const row = await prepareRun(deps, resolveWorkflow, user, request);
      await running.start(row.id);
      return toWorkflowRunView(row);
    },

    async get(actor: Actor, runId: string): Promise<WorkflowRunDetail> {
      const row = await loadOwn(actor, runId);
      const steps = await deps.db
        .select()
        .from(workflowRunSteps)
        .where(eq(workflowRunSteps.runId, runId))
        .orderBy(sql`${workflowRunSteps.startedAt} asc nulls last`, asc(workflowRunSteps.path));
      return {
        ...toWorkflowRunView(row),
        definition: row.definition,
        steps: steps.map(toWorkflowRunStepView),
      };
    },

    /**
     * Starts the runs a crash left queued (a row, no DBOS workflow) for over a minute; gives how
     * many. System use (no actor): at engine launch and in the app's hourly sweep.
     */
    startStranded: (): Promise<number> =>
      executor
        ? executor.startStranded(new Date(deps.clock.now().getTime() - strandedAfterMs))
        : Promise.resolve(0),

    list: async (actor: Actor, query: ListWorkflowRunsInput): Promise<WorkflowRunPage> =>
      listRuns(deps, requireUser(actor), query),

    async cancel(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      const running = engine();
      running.records.countCancelled((await cancelRun(deps, requireUser(actor), row)).length);
      // A paused pipeline that is cancelled goes on at once if it is resumed later.
      if (row.pausedAt) await pipelines.unpauseRow(row.id);
      return toWorkflowRunView(await loadOwn(actor, runId));
    },

    /** Resumes a paused pipeline (new items start again), or a cancelled run from its last completed step. */
    async resume(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      engine();
      if (row.pausedAt && openRunStatuses.includes(row.status)) await pipelines.unpause(row);
      else await resumeRun(deps, requireUser(actor), row);
      return toWorkflowRunView(await loadOwn(actor, runId));
    },

    /** Pauses a pipeline run: no new item starts until it is resumed; the items under way finish. */
    async pause(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      engine();
      await pipelines.pause(row);
      return toWorkflowRunView(await loadOwn(actor, runId));
    },

    /** A pipeline run's failed items again, alone, as a new run (their documents read anew). */
    async retryFailed(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      const { input, count } = await pipelines.retryInput(row);
      return again(requireUser(actor), row, { kind: 'retry_failed', of_run_id: row.id, items: count }, input);
    },

    /** A pipeline run's items, in order, with how each ended (all, or only succeeded or failed ones). */
    async items(actor: Actor, runId: string, query: PipelineItemsQuery): Promise<PipelineItemPage> {
      const row = await loadOwn(actor, runId);
      return pipelines.items(row, query);
    },

    /** Removes the actor's cached step outputs (of one tool or model when given); gives how many. */
    async clearCache(actor: Actor, subject?: string): Promise<{ removed: number }> {
      return { removed: await cache.clear(requireUser(actor).userId, subject) };
    },

    /** Per step over the actor's last runs of a workflow (own or shared): durations, tokens, cache hits, failures. */
    async performance(actor: Actor, idOrName: string, query: PerformanceQuery): Promise<WorkflowPerformance> {
      const workflow = await definitions.get(actor, idOrName);
      return workflowPerformance(deps, requireUser(actor), workflow.id, query);
    },

    /** Removes every user's expired cached step outputs (the app's hourly sweep). */
    sweepCache: (): Promise<number> => cache.sweep(),

    /** A failed run again, as a new run of the same version and input that copies the steps that succeeded. */
    async retry(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      if (row.status !== 'failed')
        throw new RunStateConflictError(`Only a failed run can be retried; this one is ${row.status}`);
      return again(requireUser(actor), row, { kind: 'retry', of_run_id: row.id });
    },

    /** The same input again, as a new run that copies nothing. */
    async rerun(actor: Actor, runId: string): Promise<WorkflowRunView> {
      const row = await loadOwn(actor, runId);
      if (openRunStatuses.includes(row.status))
        throw new RunStateConflictError(
          `This run is still ${row.status}: cancel it first, or wait for its end`,
        );
      return again(requireUser(actor), row, { kind: 'rerun', of_run_id: row.id });
    },

    /**
     * Waits until the run ends or `timeoutMs` passes (then gives it as it is), calling `onStep` as
     * its steps end: for callers that wait, such as MCP clients with progress notifications.
     */
    async waitForEnd(
      actor: Actor,
      runId: string,
      options: { timeoutMs: number; onStep?: (done: number, total: number, message: string) => void },
    ): Promise<WorkflowRunView> {
      await loadOwn(actor, runId);
      return toWorkflowRunView(await waitForRunEnd(deps, () => loadOwn(actor, runId), runId, options));
    },
  };
}

export type WorkflowRuns = ReturnType<typeof createWorkflowRuns>;
