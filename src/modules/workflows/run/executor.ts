import { DBOS, Error as DBOSErrors } from '@dbos-inc/dbos-sdk';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { actingAs } from '../../../actor.js';
import type { Span } from '@opentelemetry/api';
import { addFacts, inSpan } from '../../../telemetry/spans.js';
import type { WorkflowDeps } from '../deps.js';
import { StepFailedError } from '../errors.js';
import { resolveTemplates } from '../expressions.js';
import { insertRun, prepareRun, type ResolveWorkflow } from '../service/runs/prepare.js';
import { workflowRunSteps, workflowRuns } from '../table.js';
import { loadItem } from '../pipeline/items.js';
import { createPipelineRecords } from '../pipeline/records.js';
import { createPipelineRunner } from '../pipeline/runner.js';
import type { StepCache } from '../pipeline/step-cache.js';
import { createBlockRunner, scopeValues } from './blocks.js';
import { isStopping, isStepFailure, stepErrorOf } from './failures.js';
import { createRunRecords } from './records.js';
import { createRunMetrics } from './run-metrics.js';
import {
  type BlockContext,
  type PartResult,
  type PartSpec,
  RunFailure,
  type RunInfo,
  type RunResult,
} from './run-state.js';
import { childRunId, type StepEnvironment } from './step-environment.js';
import type { StepScope } from './step-kind.js';

/**
 * The executor: two DBOS workflows registered while the module is built (DBOS refuses them after
 * launch). `workflows.run` is a run's root, its DBOS workflow id the run id: it reads the run's row
 * and definition in a DBOS step, runs the root block, and ends the row. `workflows.part` is a part of
 * a run that runs beside others (a wave member, a parallel branch, a foreach item), with the id
 * `<run id>:<path>`. Without the engine (one-shot commands) nothing is registered.
 */
/** How long a run may stay queued with no DBOS workflow before a sweep starts it. */
export const strandedAfterMs = 60_000;

export function createRunExecutor(deps: WorkflowDeps, resolveWorkflow: ResolveWorkflow, cache: StepCache) {
  if (!deps.engine) return undefined;
  const metrics = createRunMetrics(deps.metrics);
  const records = createRunRecords(deps, metrics);
  const logger = deps.logger.child({ component: 'workflow-runs' });

  const pipelineRecords = createPipelineRecords(deps, metrics);
  const env: StepEnvironment = {
    deps,
    records,
    cache,
    loadItem: (actor, ref, index) => loadItem(deps.documents, actor, ref, index),
    startPart: (spec) => DBOS.startWorkflow(part, { workflowID: `${spec.run.id}:${spec.path}` })(spec),
    async runChildWorkflow(step, input, context, attempt) {
      const childId = childRunId(context.run.id, context.path, attempt);
      await DBOS.runStep(
        () =>
          prepareRun(deps, resolveWorkflow, context.actor, {
            workflow: step.workflow,
            input,
            trigger: { kind: 'workflow', parent_run_id: context.run.id, step_path: context.path },
            runId: childId,
            parentRunId: context.run.id,
          }),
        { name: `${context.path}.child` },
      );
      await DBOS.startWorkflow(root, { workflowID: childId })(childId);
      const result = await awaitChild(childId);
      if (result.status === 'succeeded') return { output: result.output };
      if (result.status === 'cancelled')
        throw new StepFailedError('CHILD_RUN_CANCELLED', `The child run ${childId} was cancelled`);
      throw new StepFailedError(
        result.error.code,
        `The child run ${childId} failed: ${result.error.message}`,
      );
    },
  };
  const blocks = createBlockRunner(env);
  const runPipeline = createPipelineRunner(env, pipelineRecords, deps.documents, blocks.runPart);
  // A crash between a run's row and its DBOS start leaves it queued: start those once launched.
  deps.engine.onLaunch(async () => {
    await startStranded(new Date(deps.clock.now().getTime() - strandedAfterMs)).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not start the runs left queued'),
    );
  });

  // The run's span (its steps' are children); replayed after a recovery, the run is traced again.
  const root = DBOS.registerWorkflow(
    (runId: string): Promise<RunResult> =>
      inSpan(
        'workflow.run',
        { surface: 'workflow', workflowRunId: runId },
        (span) => runRoot(runId, span),
        (result) => result.status,
      ),
    { name: 'workflows.run' },
  );

  async function runRoot(runId: string, span: Span): Promise<RunResult> {
    const begun = await DBOS.runStep(() => beginRun(runId), { name: 'begin' });
    addFacts(span, { userId: begun.ownerId });
    if (begun.status === 'cancelled') return { status: 'cancelled' };
    if (begun.ended) return begun.ended;
    const run: RunInfo = {
      id: runId,
      ownerId: begun.ownerId,
      workflowName: begun.workflowName,
      copies: begun.copies,
    };
    const context: BlockContext = { run, actor: runActor(run.ownerId) };
    const scope: StepScope = {
      input: begun.input,
      steps: {},
      run: { id: runId, workflow_name: begun.workflowName, started_at: begun.startedAt },
    };
    try {
      const last =
        begun.definition.kind === 'pipeline'
          ? await runPipeline(begun.definition, scope, context)
          : await blocks.runBlock(begun.steps, '', scope, context);
      let output = last;
      try {
        if (begun.output !== undefined) output = resolveTemplates(begun.output, scopeValues(scope));
      } catch (error) {
        if (!isStepFailure(error)) throw error;
        const { code, message } = stepErrorOf(error, logger, 'output');
        throw new RunFailure(code, message, 'output');
      }
      await DBOS.runStep(() => records.endRun(context.actor, runId, { status: 'succeeded', output }), {
        name: 'end',
      });
      return { status: 'succeeded', output };
    } catch (error) {
      if (error instanceof RunFailure) {
        const failure = error.toJSON();
        await DBOS.runStep(() => records.endRun(context.actor, runId, { status: 'failed', error: failure }), {
          name: 'end',
        });
        return { status: 'failed', error: failure };
      }
      if (isStopping(error)) throw error;
      // A fault of ours, not the workflow's: the row says so; DBOS keeps the workflow in ERROR, resumable.
      const { code, message } = stepErrorOf(error, logger, 'run');
      await records
        .endRun(context.actor, runId, {
          status: 'failed',
          error: { code: code === 'INTERNAL_ERROR' ? 'ENGINE_ERROR' : code, message },
        })
        .catch((failure) => logger.warn({ err: failure, run_id: runId }, 'could not record a run failure'));
      throw error;
    } finally {
      cache.forgetRun(runId);
    }
  }

  const part = DBOS.registerWorkflow(
    async (spec: PartSpec): Promise<PartResult> =>
      blocks.runPart(spec, {
        run: spec.run,
        actor: runActor(spec.run.ownerId),
        ...(spec.item ? { sequential: true } : {}),
      }),
    { name: 'workflows.part' },
  );

  /** The root's first DBOS step: the run's row and definition, marked running, and a retry's copies. */
  async function beginRun(runId: string) {
    const { row, started } = await records.beginRun(runId);
    const actor = runActor(row.ownerId);
    const ended: RunResult | undefined =
      row.status === 'succeeded'
        ? { status: 'succeeded', output: row.output }
        : row.status === 'failed'
          ? { status: 'failed', error: row.error ?? { code: 'STEP_FAILED', message: 'The run failed' } }
          : undefined;
    if (started)
      deps.bus.publishSoon(actor, 'workflow.run.started', {
        run_id: runId,
        workflow_id: row.workflowId,
        owner_id: row.ownerId,
        trigger: row.trigger.kind,
      });
    return {
      status: row.status,
      ...(ended ? { ended } : {}),
      ownerId: row.ownerId,
      workflowName: row.workflowName,
      startedAt: (row.startedAt ?? deps.clock.now()).toISOString(),
      steps: row.definition.steps,
      definition: row.definition,
      output: row.definition.output,
      input: row.input,
      copies: row.trigger.kind === 'retry' ? await succeededSteps(row.trigger.of_run_id) : {},
    };
  }

  /** A failed run's steps that succeeded (whole outputs only, of single-action kinds): a retry copies them. */
  async function succeededSteps(runId: string): Promise<Record<string, unknown>> {
    const rows = await deps.db
      .select({
        path: workflowRunSteps.path,
        output: workflowRunSteps.output,
        truncated: workflowRunSteps.outputTruncated,
        kind: workflowRunSteps.kind,
      })
      .from(workflowRunSteps)
      .where(and(eq(workflowRunSteps.runId, runId), eq(workflowRunSteps.status, 'succeeded')));
    const compound = new Set(['condition', 'parallel', 'foreach', 'loop']);
    return Object.fromEntries(
      rows.filter((row) => !row.truncated && !compound.has(row.kind)).map((row) => [row.path, row.output]),
    );
  }

  /**
   * Starts the root runs left `queued` since before `before` with no DBOS workflow: a crash came
   * between their row and their start. Their DBOS id is the run id, so a start that raced another
   * instance's is a no-op. (A child run is started by its parent's recovery.) Gives how many.
   */
  async function startStranded(before: Date): Promise<number> {
    const queued = await deps.db
      .select({ id: workflowRuns.id })
      .from(workflowRuns)
      .where(
        and(
          eq(workflowRuns.status, 'queued'),
          isNull(workflowRuns.parentRunId),
          lt(workflowRuns.createdAt, before),
        ),
      );
    let started = 0;
    for (const { id } of queued) {
      if (await DBOS.getWorkflowStatus(id)) continue;
      await DBOS.startWorkflow(root, { workflowID: id })(id);
      started++;
    }
    if (started > 0) logger.info({ runs: started }, 'started runs left queued by a crash');
    return started;
  }

  return {
    records,
    /** Starts (or finds) the DBOS workflow of a run whose row is in place. */
    async start(runId: string): Promise<void> {
      await DBOS.startWorkflow(root, { workflowID: runId })(runId);
    },
    /** Starts the root runs left queued since before `before` with no DBOS workflow; gives how many. */
    startStranded,
    /** Inserts a run's row for a retry or re-run and starts it. */
    insertRun: (actor: Parameters<typeof insertRun>[1], run: Parameters<typeof insertRun>[2]) =>
      insertRun(deps, actor, run),
    /** The run row, for callers that only know the id. */
    async row(runId: string) {
      const [row] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      return row;
    },
  };
}

/**
 * A child run's result, read from DBOS's record rather than awaited in this process: a child
 * cancelled on its own (by DBOS, not through its parent, whose cancel reaches the parent first) is
 * seen at once, where the child's own execution only notices at its next operation. Its cancel is
 * a failure of the `workflow` step, never a stopping error up the parent, which would hang `running`.
 */
async function awaitChild(childId: string): Promise<RunResult> {
  try {
    return await DBOS.retrieveWorkflow<RunResult>(childId).getResult();
  } catch (error) {
    if (error instanceof DBOSErrors.DBOSAwaitedWorkflowCancelledError) return { status: 'cancelled' };
    throw error;
  }
}

export type RunExecutor = NonNullable<ReturnType<typeof createRunExecutor>>;

/**
 * A run acts as its owner, through the workflow surface, with a user's scopes: a workflow never
 * holds an admin's powers, even an admin's own.
 */
export function runActor(ownerId: string) {
  return actingAs({ userId: ownerId, role: 'user', via: 'workflow' });
}
