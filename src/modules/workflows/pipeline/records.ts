import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import { executeUnflushed } from '../../../db/commit-unflushed.js';
import type { WorkflowDeps } from '../deps.js';
import { cappedOutput } from '../run/output-cap.js';
import { type EndedStep, openRunStatuses } from '../run/records.js';
import type { RunMetrics } from '../run/run-metrics.js';
import { announceStepEnds, endedStepsCtes, missedCopies, type WrittenStep } from '../run/step-ends.js';
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

/** What a settle's statement gives back: its steps' rows, the items it counted, the run's counts after. */
interface SettleRow {
  steps: WrittenStep[];
  /** The paths of cache hits whose output could not be copied from the cache (see endedStepsCtes). */
  missed: string[];
  done: number[];
  failed: number[];
  items_total: number | null;
  items_done: number | null;
  items_failed: number | null;
  paused_at: Date | string | null;
}

/** The rows of a pipeline run's items and its counts. Each function runs inside a DBOS step. */
export function createPipelineRecords(deps: Pick<WorkflowDeps, 'db' | 'clock' | 'bus'>, metrics: RunMetrics) {
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
     * Items ended (one, or a chunk's): their rows, their steps' rows (`stepEnds`, when they were
     * kept for them; a cache hit's output copied from the cache entry of `copyHitsOf`, the run's
     * owner, when given), `alongside` (more CTEs: the chunk's cache entries) and the run's counts,
     * in one statement (once each: a replay counts nothing again); the outputs of hits that could
     * not be copied (an entry cleared meanwhile) in a second; then their steps' events (not those
     * of cache hits) and a progress event per item (batched by the bus). Gives whether the
     * run is paused (no new item should start). The commit does not wait for the disk: the DBOS
     * step it runs in ends with DBOS's checkpoint, a synchronous commit, after it (see
     * run/records.ts).
     */
    async settleItems(
      actor: UserActor,
      runId: string,
      {
        items,
        stepEnds = [],
        alongside = [],
        copyHitsOf,
      }: { items: SettledItem[]; stepEnds?: EndedStep[]; alongside?: SQL[]; copyHitsOf?: string },
    ): Promise<{ paused: boolean }> {
      const now = clock.now().toISOString();
      const rows = items.map((item) => ({
        index: item.index,
        label: item.label,
        item: cappedOutput(item.ref).output,
        status: item.status,
        output: item.output === undefined ? null : (cappedOutput(item.output).output ?? null),
        error: item.error ?? null,
      }));
      const [settled] = await executeUnflushed<SettleRow>(
        db,
        [
          ...endedStepsCtes(runId, stepEnds, copyHitsOf),
          ...alongside,
          sql`settled_items as (insert into ${workflowRunItems}
            (run_id, index, label, item, status, output, error, ended_at)
            select ${runId}, index, label, item, status, output, error, ${now}::timestamptz
            from json_to_recordset(${JSON.stringify(rows)}::json) as incoming(index integer,
              label text, item jsonb, status text, output jsonb, error jsonb)
            on conflict do nothing
            returning index, status)`,
          sql`counted as (update ${workflowRuns} set
              steps_done = steps_done + (select steps from fresh_steps),
              cache_hits = cache_hits + (select hits from fresh_steps),
              items_done = items_done + (select count(*) from settled_items where status = 'succeeded'),
              items_failed = items_failed + (select count(*) from settled_items where status = 'failed')
            where ${workflowRuns.id} = ${runId}
            returning items_total, items_done, items_failed, paused_at)`,
        ],
        sql`select
            (select coalesce(json_agg(json_build_object('path', path, 'started_at', started_at)), '[]')
              from ended_steps) as steps,
            (select coalesce(json_agg(path), '[]') from copy_missed) as missed,
            (select coalesce(json_agg(index), '[]') from settled_items where status = 'succeeded') as done,
            (select coalesce(json_agg(index), '[]') from settled_items where status = 'failed') as failed,
            counted.items_total, counted.items_done, counted.items_failed, counted.paused_at
          from (select 1) as one left join counted on true`,
      );
      const missed = missedCopies(stepEnds, settled?.missed ?? []);
      if (missed.length > 0) await executeUnflushed(db, endedStepsCtes(runId, missed), sql`select 1`);
      announceStepEnds({ bus, metrics }, actor, runId, stepEnds, settled?.steps ?? [], { quietHits: true });
      const fresh = new Set([...(settled?.done ?? []), ...(settled?.failed ?? [])]);
      const after = {
        total: settled?.items_total ?? 0,
        done: settled?.items_done ?? 0,
        failed: settled?.items_failed ?? 0,
      };
      // Each item's event carries the counts as they were once it was counted, in index order.
      const counts = {
        done: after.done - (settled?.done.length ?? 0),
        failed: after.failed - (settled?.failed.length ?? 0),
      };
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
      return { paused: Boolean(settled?.paused_at) };
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
