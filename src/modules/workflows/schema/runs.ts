import { z } from 'zod';
import { pageSize } from '../../../db/page-size.js';
import { workflowDefinitionSchema } from '../definition.js';
import type { WorkflowRunRow, WorkflowRunStepRow } from '../table.js';
import { pipelineProgressSchema } from './pipelines.js';

const runStatus = z.enum(['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled']);
const stepStatus = z.enum(['pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled']);
const isoTime = z.iso.datetime({ offset: true });
const json = z.unknown();
const failure = z.object({ code: z.string(), message: z.string(), step_path: z.string().optional() });

export const workflowRunSchema = z
  .object({
    id: z.string(),
    workflow_id: z.string().nullable().describe('Null once the workflow is deleted'),
    workflow_name: z.string(),
    version: z.number().int(),
    status: runStatus,
    input: z.record(z.string(), json),
    output: json.describe('Null until the run succeeds'),
    error: failure.nullable(),
    trigger: z
      .record(z.string(), json)
      .describe('How it started: manual, schedule, event, webhook, workflow, retry, rerun, retry_failed'),
    parent_run_id: z.string().nullable(),
    steps_done: z.number().int(),
    steps_total: z
      .number()
      .int()
      .describe('Steps known so far: branches, items and passes add theirs as they start'),
    cache_hits: z
      .number()
      .int()
      .describe("Steps answered from the step cache (or the run's memo of a pure step) without acting"),
    pipeline: pipelineProgressSchema.nullable().describe('A pipeline run: its items done/failed/total'),
    created_at: z.string(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
  })
  .meta({ id: 'WorkflowRun' });
export type WorkflowRunView = z.infer<typeof workflowRunSchema>;

export const workflowRunStepSchema = z
  .object({
    path: z.string().describe('Where the step ran: fetch, review.then.publish, each[3].clean, again#2.check'),
    step_id: z.string(),
    kind: z.string(),
    status: stepStatus,
    input: json,
    output: json.describe('Capped at 256 KB: past that, a preview (output_truncated)'),
    output_truncated: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    attempts: z.number().int(),
    branch: z.string().nullable().describe('A condition: the branch taken'),
    cache_hit: z.boolean(),
    model: z.string().nullable(),
    input_tokens: z.number().int().nullable(),
    output_tokens: z.number().int().nullable(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
  })
  .meta({ id: 'WorkflowRunStep' });
export type WorkflowRunStepView = z.infer<typeof workflowRunStepSchema>;

export const workflowRunDetailSchema = workflowRunSchema
  .extend({
    definition: workflowDefinitionSchema.describe('The definition that ran (the copy the run keeps)'),
    steps: z.array(workflowRunStepSchema).describe('In the order they started'),
  })
  .meta({ id: 'WorkflowRunDetail' });
export type WorkflowRunDetail = z.infer<typeof workflowRunDetailSchema>;

export const workflowRunPageSchema = z.object({
  items: z.array(workflowRunSchema),
  next_cursor: z.string().nullable(),
});
export type WorkflowRunPage = z.infer<typeof workflowRunPageSchema>;

export const listWorkflowRunsInputSchema = z.object({
  status: runStatus.optional(),
  workflow_id: z.string().min(1).max(100).optional().describe('Only runs of this workflow'),
  since: isoTime.optional().describe('Only runs created at or after this time'),
  until: isoTime.optional().describe('Only runs created before this time'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type ListWorkflowRunsInput = z.input<typeof listWorkflowRunsInputSchema>;

export const startWorkflowRunBodySchema = z.object({
  input: z
    .record(z.string(), json)
    .default({})
    .describe("The run input, checked against the workflow's input_schema"),
  version: z.number().int().min(1).optional().describe('The version to run; the current one if not given'),
});

export function toWorkflowRunView(row: WorkflowRunRow): WorkflowRunView {
  return {
    id: row.id,
    workflow_id: row.workflowId,
    workflow_name: row.workflowName,
    version: row.version,
    status: row.status,
    input: row.input,
    output: row.output ?? null,
    error: row.error ?? null,
    trigger: row.trigger as Record<string, unknown>,
    parent_run_id: row.parentRunId,
    steps_done: row.stepsDone,
    steps_total: row.stepsTotal,
    cache_hits: row.cacheHits,
    pipeline:
      row.definition.kind === 'pipeline'
        ? {
            total: row.itemsTotal,
            done: row.itemsDone,
            failed: row.itemsFailed,
            paused: row.pausedAt !== null,
          }
        : null,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    ended_at: row.endedAt?.toISOString() ?? null,
  };
}

export function toWorkflowRunStepView(row: WorkflowRunStepRow): WorkflowRunStepView {
  return {
    path: row.path,
    step_id: row.stepId,
    kind: row.kind,
    status: row.status,
    input: row.input ?? null,
    output: row.output ?? null,
    output_truncated: row.outputTruncated,
    error: row.error ?? null,
    attempts: row.attempts,
    branch: row.branch,
    cache_hit: row.cacheHit,
    model: row.model,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    started_at: row.startedAt?.toISOString() ?? null,
    ended_at: row.endedAt?.toISOString() ?? null,
  };
}
