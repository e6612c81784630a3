import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { WorkflowDeps } from '../deps.js';
import { cappedOutput } from '../run/output-cap.js';
import type { EndedStep, RunRecords, Transaction } from '../run/records.js';
import { workflowRunItems, workflowRuns } from '../table.js';

/** A pipeline's progress as users see it: items done (succeeded), failed, and in all. */
export interface PipelineProgress {
  total: number;
  done: number;
  failed: number;
}

/** The rows of a pipeline run's items and its counts. Each function runs inside a DBOS step. */
export function createPipelineRecords(
  deps: Pick<WorkflowDeps, 'db' | 'clock' | 'bus'>,
  runRecords: Pick<RunRecords, 'endSteps'>,
) {
  const { db, clock, bus } = deps;
  return {
    /** The item set is known: the run's item count, and its step count grown to match. */
    async itemsKnown(runId: string, items: number, stepsPerItem: number): Promise<void> {
      await db
        .update(workflowRuns)
        .set({
          itemsTotal: items,
          stepsTotal: sql`${workflowRuns.stepsTotal} + ${Math.max(0, items * stepsPerItem - stepsPerItem)}`,
        })
        .where(eq(workflowRuns.id, runId));
    },

    /**
     * An item ended: its row and the run's counts in one commit (once: a replay writes nothing new),
     * with the rows of its steps when they were kept for it (`stepEnds`), then the progress event.
     * Gives whether the run is paused (no new item should start). The commit does not wait for the
     * disk: the DBOS step it runs in ends with DBOS's checkpoint, a synchronous commit, after it
     * (see run/records.ts).
     */
    async settleItem(
      actor: UserActor,
      runId: string,
      item: {
        index: number;
        label: string;
        ref: Record<string, unknown>;
        status: 'succeeded' | 'failed';
        output?: unknown;
        error?: { code: string; message: string; step_path?: string };
      },
      stepEnds: EndedStep[] = [],
    ): Promise<{ paused: boolean }> {
      const settle = async (tx: Transaction) => {
        const inserted = await tx
          .insert(workflowRunItems)
          .values({
            runId,
            index: item.index,
            label: item.label,
            item: cappedOutput(item.ref).output as Record<string, unknown>,
            status: item.status,
            output: item.output === undefined ? null : cappedOutput(item.output).output,
            error: item.error ?? null,
            endedAt: clock.now(),
          })
          .onConflictDoNothing()
          .returning({ index: workflowRunItems.index });
        const counted = inserted.length > 0;
        const [row] = await tx
          .update(workflowRuns)
          .set(
            counted
              ? item.status === 'succeeded'
                ? { itemsDone: sql`${workflowRuns.itemsDone} + 1` }
                : { itemsFailed: sql`${workflowRuns.itemsFailed} + 1` }
              : { itemsDone: workflowRuns.itemsDone },
          )
          .where(eq(workflowRuns.id, runId))
          .returning({
            total: workflowRuns.itemsTotal,
            done: workflowRuns.itemsDone,
            failed: workflowRuns.itemsFailed,
            pausedAt: workflowRuns.pausedAt,
          });
        return {
          progress: { total: row?.total ?? 0, done: row?.done ?? 0, failed: row?.failed ?? 0 },
          paused: Boolean(row?.pausedAt),
        };
      };
      const settled = await runRecords.endSteps(actor, runId, stepEnds, settle);
      const { progress, paused } = settled as Awaited<ReturnType<typeof settle>>;
      bus.publishSoon(actor, 'workflow.pipeline.progress', {
        run_id: runId,
        owner_id: actor.userId,
        item_index: item.index,
        item_status: item.status,
        ...progress,
      });
      return { paused };
    },

    /** Whether the run is paused now. */
    async isPaused(runId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: workflowRuns.id })
        .from(workflowRuns)
        .where(and(eq(workflowRuns.id, runId), isNotNull(workflowRuns.pausedAt)));
      return row !== undefined;
    },

    /** The rows the report is made of, in item order. */
    async items(runId: string) {
      return db
        .select()
        .from(workflowRunItems)
        .where(eq(workflowRunItems.runId, runId))
        .orderBy(workflowRunItems.index);
    },
  };
}

export type PipelineRecords = ReturnType<typeof createPipelineRecords>;
