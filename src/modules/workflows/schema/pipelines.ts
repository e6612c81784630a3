import { z } from 'zod';
import { pageSize } from '../../../db/page-size.js';
import type { WorkflowRunItemRow } from '../table.js';

const failure = z.object({ code: z.string(), message: z.string(), step_path: z.string().optional() });

/** A pipeline run's progress: items succeeded (done), failed, and in all; paused while paused. */
export const pipelineProgressSchema = z
  .object({
    total: z.number().int(),
    done: z.number().int().describe('Items whose steps all succeeded (or continued past a failure)'),
    failed: z.number().int(),
    paused: z.boolean().describe('No new item starts until the run is resumed'),
  })
  .meta({ id: 'PipelineProgress' });

export const pipelineItemSchema = z
  .object({
    index: z.number().int(),
    label: z.string().describe("The document's name, or the start of the text or row"),
    item: z
      .record(z.string(), z.unknown())
      .describe('{kind: document, id} | {kind: text, text} | {kind: row, row}'),
    status: z.enum(['succeeded', 'failed']),
    output: z.unknown().describe("The report row, or the item's last step output"),
    error: failure.nullable(),
    ended_at: z.string(),
  })
  .meta({ id: 'PipelineItem' });
export type PipelineItemView = z.infer<typeof pipelineItemSchema>;

export const pipelineItemPageSchema = z.object({
  items: z.array(pipelineItemSchema),
  next_cursor: z.string().nullable().describe('The index to go on from'),
});
export type PipelineItemPage = z.infer<typeof pipelineItemPageSchema>;

export const pipelineItemsQuerySchema = z.object({
  status: z.enum(['succeeded', 'failed']).optional(),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
});
export type PipelineItemsQuery = z.input<typeof pipelineItemsQuerySchema>;

export function toPipelineItemView(row: WorkflowRunItemRow): PipelineItemView {
  return {
    index: row.index,
    label: row.label,
    item: row.item,
    status: row.status,
    output: row.output ?? null,
    error: row.error ?? null,
    ended_at: row.endedAt.toISOString(),
  };
}

export const clearCacheQuerySchema = z.object({
  subject: z.string().min(1).max(200).optional().describe('Only the outputs of this tool or model'),
});
