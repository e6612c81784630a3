import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { WorkflowDeps } from '../deps.js';
import { RunStateConflictError } from '../errors.js';
import { sourceFields } from '../pipeline/items.js';
import { resumeTopic } from '../pipeline/runner.js';
import { openRunStatuses } from '../run/records.js';
import {
  type PipelineItemPage,
  type PipelineItemsQuery,
  pipelineItemsQuerySchema,
  toPipelineItemView,
} from '../schema/pipelines.js';
import { type WorkflowRunRow, workflowRunItems, workflowRuns } from '../table.js';

/** Pause, resume, the items and their retry: what only pipeline runs have. Rows are the caller's (checked before). */
export function createPipelineControl(deps: Pick<WorkflowDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  const requirePipeline = (row: WorkflowRunRow) => {
    if (row.definition.kind !== 'pipeline')
      throw new RunStateConflictError('Only a pipeline run (a workflow of kind pipeline) has items');
  };

  return {
    async pause(row: WorkflowRunRow): Promise<void> {
      requirePipeline(row);
      if (!openRunStatuses.includes(row.status))
        throw new RunStateConflictError(`This run has already ${row.status}: there is nothing to pause`);
      await db
        .update(workflowRuns)
        .set({ pausedAt: clock.now() })
        .where(and(eq(workflowRuns.id, row.id), isNull(workflowRuns.pausedAt)));
    },

    /** Clears the pause and wakes the run (it may be waiting for the message, or just look at its row). */
    async unpause(row: WorkflowRunRow): Promise<void> {
      await this.unpauseRow(row.id);
      await DBOS.send(row.id, 'resume', resumeTopic);
    },

    async unpauseRow(runId: string): Promise<void> {
      await db
        .update(workflowRuns)
        .set({ pausedAt: null })
        .where(and(eq(workflowRuns.id, runId), isNotNull(workflowRuns.pausedAt)));
    },

    /** The input of a run over the failed items of `row` alone (their references; documents are read again). */
    async retryInput(row: WorkflowRunRow): Promise<{ input: Record<string, unknown>; count: number }> {
      requirePipeline(row);
      if (openRunStatuses.includes(row.status))
        throw new RunStateConflictError(`This run is still ${row.status}: wait for its end, or cancel it`);
      const failed = await db
        .select({ item: workflowRunItems.item })
        .from(workflowRunItems)
        .where(and(eq(workflowRunItems.runId, row.id), eq(workflowRunItems.status, 'failed')))
        .orderBy(asc(workflowRunItems.index));
      if (failed.length === 0) throw new RunStateConflictError('This run has no failed items to retry');
      const own = Object.fromEntries(
        Object.entries(row.input).filter(([key]) => !sourceFields.includes(key)),
      );
      return { input: { ...own, retry_items: failed.map((one) => one.item) }, count: failed.length };
    },

    async items(row: WorkflowRunRow, query: PipelineItemsQuery): Promise<PipelineItemPage> {
      requirePipeline(row);
      const { status, limit, cursor } = pipelineItemsQuerySchema.parse(query);
      const rows = await db
        .select()
        .from(workflowRunItems)
        .where(
          and(
            eq(workflowRunItems.runId, row.id),
            status ? eq(workflowRunItems.status, status) : undefined,
            cursor ? gt(workflowRunItems.index, Number(cursor)) : undefined,
          ),
        )
        .orderBy(asc(workflowRunItems.index))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map(toPipelineItemView),
        next_cursor: rows.length > limit ? String(page.at(-1)?.index) : null,
      };
    },
  };
}
