import { z } from 'zod';

/**
 * A workflow definition: the document a user writes (JSON; YAML on import), the same over REST,
 * MCP and the designer. Steps form a graph by `needs`; steps with no path between them run at
 * once. Compound steps (`condition`, `parallel`, `foreach`, `loop`) hold nested blocks, each a
 * graph of its own. Expressions are CEL (see expressions.ts) written as `{{ … }}` inside input
 * values, or bare where a field is an expression (`if`, `items`, `until`).
 */

/** A step id: how `needs` and expressions (`steps.<id>.output`) name it; unique in the whole definition. */
export const stepIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lowercase letters, digits and _ (starting with a letter, up to 64)');

/** A CEL expression, e.g. `steps.search.output.items.size() > 0` or `"review" in event.data.tags`. */
const expression = z.string().trim().min(1).max(4_000).describe('A CEL expression');

/** Input values: any JSON; strings may hold `{{ expression }}` (a whole-string one keeps its type). */
const stepInput = z.record(z.string(), z.unknown()).default({});

const retrySchema = z.object({
  attempts: z.number().int().min(1).max(10).describe('Tries in all, the first included'),
  backoff: z.enum(['fixed', 'exponential']).default('exponential'),
  delay_ms: z.number().int().min(0).max(3_600_000).default(1_000).describe('Before the second try'),
});

const common = {
  id: stepIdSchema,
  title: z.string().trim().min(1).max(200).optional(),
  needs: z.array(stepIdSchema).max(50).optional().describe('Steps of the same block this one waits for'),
  if: expression.optional().describe('Skip the step (status skipped) unless this holds'),
  retry: retrySchema.optional(),
  timeout_ms: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3_600_000)
    .optional(),
  cache: z.boolean().optional().describe('Reuse the output of an earlier run with the same resolved input'),
};

/** The kinds that are one action each (the others hold blocks of steps). */
const singleStepKinds = {
  tool: z.object({
    kind: z.literal('tool'),
    tool: z.string().min(1).max(200).describe('A tool name from the registry, external MCP tools included'),
    input: stepInput,
  }),
  prompt: z.object({
    kind: z.literal('prompt'),
    prompt: z.string().min(1).max(200).describe('A library prompt name'),
    arguments: stepInput,
  }),
  model: z.object({
    kind: z.literal('model'),
    prompt: z.string().min(1).max(100_000).describe('What to ask; may hold {{ expressions }}'),
    system: z.string().max(20_000).optional(),
    model: z
      .string()
      .max(200)
      .optional()
      .describe('A model id; the default (or the offline assistant) if not given'),
    output_schema: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('JSON Schema for a structured answer'),
  }),
  agent: z.object({
    kind: z.literal('agent'),
    agent: z.string().min(1).max(200).describe('An agent name (the agents module; refused until it exists)'),
    input: z.string().min(1).max(100_000),
  }),
  workflow: z.object({
    kind: z.literal('workflow'),
    workflow: z
      .string()
      .min(1)
      .max(200)
      .describe('A workflow name or id of the same user, run as a child and awaited'),
    input: stepInput,
  }),
  sleep: z.object({
    kind: z.literal('sleep'),
    duration_ms: z
      .number()
      .int()
      .min(0)
      .max(366 * 24 * 3_600_000)
      .optional(),
    until: expression.optional().describe('An ISO time to wake at; give this or duration_ms'),
  }),
  approval: z.object({
    kind: z.literal('approval'),
    message: z.string().min(1).max(10_000).describe('What the person is asked; may hold {{ expressions }}'),
    fields: z.record(z.string(), z.unknown()).optional().describe('JSON Schema of extra form fields'),
    timeout_ms: z
      .number()
      .int()
      .min(1)
      .max(366 * 24 * 3_600_000)
      .optional(),
  }),
  wait_event: z.object({
    kind: z.literal('wait_event'),
    event: z.string().min(1).max(200).describe('A bus type pattern, e.g. task.* or task.created'),
    filter: expression.optional().describe('Over `event` (type, data, at); e.g. "review" in event.data.tags'),
    timeout_ms: z
      .number()
      .int()
      .min(1)
      .max(366 * 24 * 3_600_000)
      .optional(),
  }),
};

/**
 * What a step does when it fails for good (after its retries): stop the run, go on (its output is
 * null, its status failed), or run a compensation step (its input may use `error`), then stop.
 */
const onErrorSchema = (): z.ZodType =>
  z
    .union([
      z.enum(['fail', 'continue']),
      z.object({ compensate: workflowStepSchema, then: z.enum(['fail', 'continue']).default('fail') }),
    ])
    .default('fail');

/** One step of any kind (recursive through the compound kinds' blocks). */
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

export const workflowStepSchema: z.ZodType<WorkflowStepShape> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    ...Object.values(singleStepKinds).map((kind) => kind.extend({ ...common, on_error: onErrorSchema() })),
    z.object({
      ...common,
      kind: z.literal('condition'),
      condition: expression,
      then: z.array(workflowStepSchema).max(100).default([]),
      else: z.array(workflowStepSchema).max(100).default([]),
    }),
    z.object({
      ...common,
      kind: z.literal('parallel'),
      branches: z.array(z.array(workflowStepSchema).min(1).max(100)).min(1).max(20),
    }),
    z.object({
      ...common,
      kind: z.literal('foreach'),
      items: expression.describe('A list to run the steps over; `item` and `index` name the current one'),
      concurrency: z.number().int().min(1).max(50).default(1),
      steps: z.array(workflowStepSchema).min(1).max(100),
    }),
    z.object({
      ...common,
      kind: z.literal('loop'),
      until: expression.describe('Checked after each pass; `iteration` counts from 0'),
      max_iterations: z.number().int().min(1).max(1_000),
      steps: z.array(workflowStepSchema).min(1).max(100),
    }),
  ] as unknown as [z.ZodObject, ...z.ZodObject[]]),
) as unknown as z.ZodType<WorkflowStepShape>;

type Common = {
  id: string;
  title?: string;
  needs?: string[];
  if?: string;
  retry?: { attempts: number; backoff: 'fixed' | 'exponential'; delay_ms: number };
  timeout_ms?: number;
  cache?: boolean;
};
type OnError = 'fail' | 'continue' | { compensate: WorkflowStepShape; then: 'fail' | 'continue' };
type Single = {
  [K in keyof typeof singleStepKinds]: z.infer<(typeof singleStepKinds)[K]>;
}[keyof typeof singleStepKinds];

/** The parsed shape of a step (zod cannot infer a recursive union). */
export type WorkflowStepShape =
  | (Common & Single & { on_error: OnError })
  | (Common & { kind: 'condition'; condition: string; then: WorkflowStepShape[]; else: WorkflowStepShape[] })
  | (Common & { kind: 'parallel'; branches: WorkflowStepShape[][] })
  | (Common & { kind: 'foreach'; items: string; concurrency: number; steps: WorkflowStepShape[] })
  | (Common & { kind: 'loop'; until: string; max_iterations: number; steps: WorkflowStepShape[] });

export type StepKind = WorkflowStepShape['kind'];

export const triggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({
    kind: z.literal('schedule'),
    cron: z.string().min(1).max(200).describe('Five or six fields, e.g. "0 8 * * 1-5"'),
    time_zone: z.string().min(1).max(100).default('UTC').describe('An IANA time zone'),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    kind: z.literal('event'),
    event: z.string().min(1).max(200).describe('A bus type pattern, e.g. task.created'),
    filter: expression.optional().describe('Over `event`; e.g. "review" in event.data.tags'),
    input: z.record(z.string(), z.unknown()).default({}).describe('May hold {{ expressions }} over `event`'),
  }),
  z.object({ kind: z.literal('webhook'), input: z.record(z.string(), z.unknown()).optional() }),
]);
export type WorkflowTrigger = z.infer<typeof triggerSchema>;

/**
 * A pipeline's settings (`kind: 'pipeline'`): its steps run once per item of the run's item set
 * (documents, a search, a tag, pasted texts, or a CSV/JSON document's rows; see docs/pipelines.md),
 * at most `concurrency` items at once; a failing item never stops the others.
 */
export const pipelineSettingsSchema = z.object({
  concurrency: z.number().int().min(1).max(50).default(4).describe('Items processed at once'),
  report: z
    .object({
      title: z.string().trim().min(1).max(200).describe("The report note's name; may hold {{ run.id }}"),
      tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
      format: z
        .enum(['markdown', 'csv', 'json'])
        .default('markdown')
        .describe(
          'markdown: a table with each item and its status; csv/json: the rows of the succeeded items',
        ),
      columns: z
        .record(z.string().min(1).max(100), z.unknown())
        .optional()
        .describe(
          "Each item's row: values that may hold {{ expressions }} over item and steps; the last step's output when not given",
        ),
      row: z
        .string()
        .max(4_000)
        .optional()
        .describe('Instead of columns: a {{ expression }} giving the row, an object or the JSON text of one'),
      required: z
        .union([z.array(z.string().min(1).max(100)).max(100), z.string().max(4_000)])
        .optional()
        .describe(
          'Fields a row must have, not empty (a list, or a {{ expression }} giving one): an item without them fails',
        ),
      dedupe: z.boolean().default(false).describe('csv/json: a row equal to an earlier one is left out'),
    })
    .optional()
    .describe('When given, a note with a row per item is saved at the end of the run'),
});
export type PipelineSettings = z.infer<typeof pipelineSettingsSchema>;

/** The whole document. */
export const workflowDefinitionSchema = z.object({
  kind: z
    .enum(['workflow', 'pipeline'])
    .optional()
    .describe("pipeline: the steps run once per item of the run's item set (docs/pipelines.md)"),
  pipeline: pipelineSettingsSchema.optional().describe("A pipeline's settings (defaults when not given)"),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use lowercase letters, digits, - and _ (up to 64)')
    .describe('Unique among your workflows; the MCP tool is workflow__<name>'),
  description: z.string().max(2_000).default(''),
  input_schema: z
    .record(z.string(), z.unknown())
    .default({ type: 'object', properties: {} })
    .describe('JSON Schema of the run input'),
  steps: z.array(workflowStepSchema).min(1).max(200),
  output: z.record(z.string(), z.unknown()).optional().describe('The run output; may hold {{ expressions }}'),
  triggers: z
    .array(triggerSchema)
    .max(20)
    .default([{ kind: 'manual' }]),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
