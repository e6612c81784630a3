import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { WorkflowDeps } from '../deps.js';
import { cappedOutput } from '../run/output-cap.js';
import type { Transaction } from '../../../db/commit-unflushed.js';
import { type EndedStep, openRunStatuses, type RunRecords } from '../run/records.js';
import { workflowRunItems, workflowRuns } from '../table.js';

/** A pipeline's progress as users see it: items done (succeeded), failed, and in all. */
export interface PipelineProgress {
  total: number;
  done: number;
  failed: number;
}

/** An item that ended, as its row records it. */
export interface SettledItem {
  index: number;
  label: string;
  ref: Record<string, unknown>;
  status: 'succeeded' | 'failed';
  output?: unknown;
  error?: { code: string; message: string; step_path?: string };
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
     * Items ended (one, or a chunk's): their rows and the run's counts in one commit (once each: a
     * replay writes nothing new), with the rows of their steps when they were kept for them
     * (`stepEnds`) and `alongside` (the chunk's cache entries), then a progress event per item
     * (batched by the bus). Gives whether the run is paused (no new item should start). The commit
     * does not wait for the disk: the DBOS step it runs in ends with DBOS's checkpoint, a
     * synchronous commit, after it (see run/records.ts).
     */
    async settleItems(
      actor: UserActor,
      runId: string,
      items: SettledItem[],
      stepEnds: EndedStep[] = [],
      alongside?: (tx: Transaction) => Promise<void>,
    ): Promise<{ paused: boolean }> {
      const now = clock.now();
      const settle = async (tx: Transaction) => {
        await alongside?.(tx);
        const inserted =
          items.length === 0
            ? []
            : await tx
                .insert(workflowRunItems)
                .values(
                  items.map((item) => ({
                    runId,
                    index: item.index,
                    label: item.label,
                    item: cappedOutput(item.ref).output as Record<string, unknown>,
                    status: item.status,
                    output: item.output === undefined ? null : cappedOutput(item.output).output,
                    error: item.error ?? null,
                    endedAt: now,
                  })),
                )
                .onConflictDoNothing()
                .returning({ index: workflowRunItems.index, status: workflowRunItems.status });
        const done = inserted.filter((row) => row.status === 'succeeded').length;
        const failed = inserted.length - done;
        const [row] = await tx
          .update(workflowRuns)
          .set({
            itemsDone: sql`${workflowRuns.itemsDone} + ${done}`,
            itemsFailed: sql`${workflowRuns.itemsFailed} + ${failed}`,
          })
          .where(eq(workflowRuns.id, runId))
          .returning({
            total: workflowRuns.itemsTotal,
            done: workflowRuns.itemsDone,
            failed: workflowRuns.itemsFailed,
            pausedAt: workflowRuns.pausedAt,
          });
        return {
          fresh: new Set(inserted.map((one) => one.index)),
          after: { total: row?.total ?? 0, done: row?.done ?? 0, failed: row?.failed ?? 0 },
          before: { done: (row?.done ?? 0) - done, failed: (row?.failed ?? 0) - failed },
          paused: Boolean(row?.pausedAt),
        };
      };
      const settled = await runRecords.endSteps(actor, runId, stepEnds, settle);
      const { fresh, after, before, paused } = settled as Awaited<ReturnType<typeof settle>>;
      // Each item's event carries the counts as they were once it was counted, in index order.
      const counts = { ...before };
      for (const item of items) {
        if (fresh.has(item.index)) {
          if (item.status === 'succeeded') counts.done++;
          else counts.failed++;
        }
        bus.publishSoon(actor, 'workflow.pipeline.progress', {
          run_id: runId,
          owner_id: actor.userId,
          item_index: item.index,
          item_status: item.status,
          total: after.total,
          done: fresh.has(item.index) ? counts.done : after.done,
          failed: fresh.has(item.index) ? counts.failed : after.failed,
        });
      }
      return { paused };
    },

    /** Whether the run is paused, or has ended (a cancel): a chunk under way starts no new item. */
    async isHeld(runId: string): Promise<boolean> {
      const [row] = await db
        .select({ pausedAt: workflowRuns.pausedAt, status: workflowRuns.status })
        .from(workflowRuns)
        .where(eq(workflowRuns.id, runId));
      return !row || row.pausedAt !== null || !openRunStatuses.includes(row.status);
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
