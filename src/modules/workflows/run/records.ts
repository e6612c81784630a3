import { and, eq, inArray, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { WorkflowDeps } from '../deps.js';
import { type RunStatus, type StepStatus, workflowRunSteps, workflowRuns } from '../table.js';
import { cappedOutput } from './output-cap.js';
import type { RunMetrics } from './run-metrics.js';
import { commitUnflushed, executeUnflushed, type Transaction } from '../../../db/commit-unflushed.js';
import { announceStepEnds, endedStepsCtes, type WrittenStep } from './step-ends.js';

/** A run's statuses before its end: the only ones a change may leave (status moves forward only). */
export const openRunStatuses: RunStatus[] = ['queued', 'running', 'waiting'];

export interface StepEnd {
  status: Extract<StepStatus, 'succeeded' | 'failed' | 'skipped'>;
  output?: unknown;
  error?: { code: string; message: string };
  branch?: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** The output came from the step cache or the run's memo, without acting. */
  cacheHit?: boolean;
  /** The step cache entry the output was read from, when it was (see StepResult). */
  cacheEntry?: { key: string; createdAt: string };
}

/**
 * The rows users see of a run and its steps, with the events and metrics of each change. Every
 * function here is called inside a DBOS step, so a replay does not write twice.
 *
 * Their writes commit without waiting for the disk (`synchronous_commit = off`): the DBOS step they
 * run in ends with DBOS's own checkpoint, a synchronous commit on the same Postgres server (DBOS's
 * tables are in the app's database), and Postgres flushes its log in order, so once the checkpoint
 * is durable so are our rows. A crash before it loses both, and DBOS runs the step again, which
 * writes them again (every write here is an upsert or a conditional update). Waiting for the disk at
 * each of our commits as well cost milliseconds per step (docs/workflows-runs.md, "Speed").
 */

/** A step as its row names it. */
export interface StepMeta {
  path: string;
  id: string;
  kind: string;
}

/** A step whose running row was never written (it ended at once): its one row carries these. */
export interface StepBegun {
  input: unknown;
  attempt: number;
  startedAt: Date;
}

/** A step's end, written now or (a pipeline item's steps) with the item's settle. */
export interface EndedStep {
  step: StepMeta;
  end: StepEnd;
  begun?: StepBegun;
  at: Date;
}

/**
 * Locks a run's row. A transaction that writes a run and its steps takes the run's row first: a
 * cancel does (it ends the run, then its steps), and a writer taking a step first deadlocked with
 * it (a run cancelled as its approval was being asked). It also puts the run's writers in a line:
 * two parallel branches woken together each saw the other's step still waiting, and left the run
 * "waiting" with none of its steps waiting.
 */
function lockRunRow(db: Transaction, runId: string) {
  return db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(eq(workflowRuns.id, runId))
    .for('no key update');
}

export function createRunRecords(deps: WorkflowDeps, metrics: RunMetrics) {
  const { clock, bus } = deps;
  /** One transaction of a DBOS step's writes, committed without waiting for the disk (see above). */
  const write = <T>(work: (db: Transaction) => Promise<T>): Promise<T> => commitUnflushed(deps.db, work);

  const records = {
    /** The clock's time (a kept step end's). */
    now: (): Date => clock.now(),

    /** Counts runs a cancel ended (the cancel ends them outside the executor). */
    countCancelled(count: number): void {
      if (count > 0) metrics.runs.inc({ status: 'cancelled' }, count);
    },

    /** Marks a queued run running; gives its row whatever its status (a cancelled one is not started). */
    async beginRun(runId: string) {
      const { started, row } = await write(async (db) => {
        const marked = await db
          .update(workflowRuns)
          .set({ status: 'running', startedAt: clock.now() })
          .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.status, 'queued')))
          .returning({ id: workflowRuns.id });
        const [found] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
        return { started: marked, row: found };
      });
      if (!row) throw new Error(`Workflow run ${runId} has no row`);
      return { row, started: started.length > 0 };
    },

    /** Ends a run that has not ended yet; publishes its event and counts it. */
    async endRun(
      actor: UserActor,
      runId: string,
      end: {
        status: 'succeeded' | 'failed';
        output?: unknown;
        error?: { code: string; message: string; step_path?: string };
      },
    ): Promise<void> {
      const now = clock.now();
      const [row] = await write((db) =>
        db
          .update(workflowRuns)
          .set({
            status: end.status,
            output: end.output === undefined ? null : cappedOutput(end.output).output,
            error: end.error ?? null,
            endedAt: now,
          })
          .where(and(eq(workflowRuns.id, runId), inArray(workflowRuns.status, openRunStatuses)))
          .returning({ ownerId: workflowRuns.ownerId, startedAt: workflowRuns.startedAt }),
      );
      if (!row) return;
      metrics.runs.inc({ status: end.status });
      // Sent at once (a waiter reads the run's end on it), made durable by what follows as our rows
      // are: the DBOS step's checkpoint, or DBOS recording the workflow's error.
      const later = { waitForDisk: false };
      if (end.status === 'succeeded')
        await bus.publish(
          actor,
          'workflow.run.completed',
          {
            run_id: runId,
            owner_id: row.ownerId,
            duration_ms: now.getTime() - (row.startedAt ?? now).getTime(),
          },
          later,
        );
      else
        await bus.publish(
          actor,
          'workflow.run.failed',
          {
            run_id: runId,
            owner_id: row.ownerId,
            error_code: end.error?.code ?? 'STEP_FAILED',
            ...(end.error?.step_path ? { step_path: end.error.step_path } : {}),
          },
          later,
        );
    },

    /** The run (and the step) wait for a person, an event or time; published once per wait. */
    async markWaiting(
      actor: UserActor,
      runId: string,
      path: string,
      waitingFor: 'approval' | 'event' | 'sleep',
      approvalId?: string,
    ): Promise<void> {
      await write(async (db) => {
        // The run's row before the step's, as every writer of both takes them (see lockRunRow).
        await db
          .update(workflowRuns)
          .set({ status: 'waiting' })
          .where(and(eq(workflowRuns.id, runId), inArray(workflowRuns.status, ['running', 'waiting'])));
        await db
          .update(workflowRunSteps)
          .set({ status: 'waiting' })
          .where(and(eq(workflowRunSteps.runId, runId), eq(workflowRunSteps.path, path)));
      });
      await bus.publish(actor, 'workflow.run.waiting', {
        run_id: runId,
        owner_id: actor.userId,
        step_path: path,
        waiting_for: waitingFor,
        ...(approvalId ? { approval_id: approvalId } : {}),
      });
    },

    /** The wait is over: the step and the run run again (unless the run ended meanwhile). */
    async markRunning(runId: string, path: string): Promise<void> {
      await write(async (db) => {
        await lockRunRow(db, runId);
        await db
          .update(workflowRunSteps)
          .set({ status: 'running' })
          .where(
            and(
              eq(workflowRunSteps.runId, runId),
              eq(workflowRunSteps.path, path),
              eq(workflowRunSteps.status, 'waiting'),
            ),
          );
        // Another branch may still wait: the run stays waiting while any of its steps does.
        await db.execute(sql`update ${workflowRuns} set status = 'running'
          where ${workflowRuns.id} = ${runId} and ${workflowRuns.status} = 'waiting'
          and not exists (select 1 from ${workflowRunSteps} where ${workflowRunSteps.runId} = ${runId}
            and ${workflowRunSteps.status} = 'waiting')`);
      });
    },

    /** More steps became known (a branch taken, a list to go over, a loop pass): the progress shown. */
    async addSteps(runId: string, count: number): Promise<void> {
      if (count <= 0) return;
      await write((db) =>
        db
          .update(workflowRuns)
          .set({ stepsTotal: sql`${workflowRuns.stepsTotal} + ${count}` })
          .where(eq(workflowRuns.id, runId)),
      );
    },

    /** A step starts (or tries again): its row running, with its resolved input and attempt. */
    async beginStep(
      runId: string,
      step: { path: string; id: string; kind: string },
      input: unknown,
      attempt: number,
    ): Promise<void> {
      const now = clock.now();
      await write((db) =>
        db
          .insert(workflowRunSteps)
          .values({
            runId,
            path: step.path,
            stepId: step.id,
            kind: step.kind,
            status: 'running',
            input: input === undefined ? null : cappedOutput(input).output,
            attempts: attempt,
            startedAt: now,
          })
          .onConflictDoUpdate({
            target: [workflowRunSteps.runId, workflowRunSteps.path],
            set: { status: 'running', attempts: attempt, error: null },
          }),
      );
    },

    /**
     * A step ends: its row, the run's progress, the event and the duration metric. `begun` is for a
     * step whose running row was never written (it ended at once): its one row is written here.
     */
    async endStep(
      actor: UserActor,
      runId: string,
      step: StepMeta,
      end: StepEnd,
      begun?: StepBegun,
    ): Promise<void> {
      await endSteps(actor, runId, [{ step, end, ...(begun ? { begun } : {}), at: clock.now() }]);
    },

    endSteps,
  };
  return records;

  /**
   * Steps end: their rows and the run's progress (steps done, cache hits) in one statement, then
   * their events and duration metrics. A step that had ended already (ended again by a replay of
   * its end) is not counted twice.
   */
  async function endSteps(actor: UserActor, runId: string, ends: EndedStep[]): Promise<void> {
    if (ends.length === 0) return;
    const written = await executeUnflushed<WrittenStep>(
      deps.db,
      [
        ...endedStepsCtes(runId, ends),
        sql`counted as (update ${workflowRuns} set steps_done = steps_done + fresh_steps.steps,
          cache_hits = cache_hits + fresh_steps.hits
          from fresh_steps where ${workflowRuns.id} = ${runId} and fresh_steps.steps > 0)`,
      ],
      sql`select path, started_at from ended_steps`,
    );
    announceStepEnds({ bus, metrics }, actor, runId, ends, written);
  }
}

export type RunRecords = ReturnType<typeof createRunRecords>;
