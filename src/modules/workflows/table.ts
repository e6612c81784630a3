import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/table.js';
import type { WorkflowDefinition } from './definition.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Workflows. The current version's definition is copied here; every version is in workflow_versions. */
export const workflows = pgTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    definition: jsonb('definition').$type<WorkflowDefinition>().notNull(),
    version: integer('version').notNull(),
    /** `shared`: every user may read, copy and run it (as themselves); only the owner changes it. */
    visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
    /** Whether it is offered as the MCP tool `workflow__<name>` to its owner. */
    published: boolean('published').notNull().default(true),
    /** The webhook trigger's HMAC secret, sealed (src/secrets); shown once when made. */
    webhookSecret: text('webhook_secret'),
    /** The template it was copied from, if any. */
    template: text('template'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('workflows_owner_name_idx').on(table.ownerId, table.name),
    index('workflows_visibility_idx').on(table.visibility, table.id),
  ],
);

/** Every saved version of a workflow, immutable: a run names the version it ran. */
export const workflowVersions = pgTable(
  'workflow_versions',
  {
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<WorkflowDefinition>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workflowId, table.version] })],
);

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type RunTrigger =
  | { kind: 'manual'; surface: string }
  | { kind: 'schedule'; scheduled_at: string }
  | { kind: 'event'; event_id: string; event_type: string }
  | { kind: 'webhook'; delivery: string }
  | { kind: 'workflow'; parent_run_id: string; step_path: string }
  | { kind: 'retry'; of_run_id: string }
  | { kind: 'rerun'; of_run_id: string }
  | { kind: 'retry_failed'; of_run_id: string; items: number };

/**
 * Runs. The id is also the DBOS workflow id of the run's root. The row is what users see; DBOS's
 * own tables are what resumes it. Status moves forward only (queued → running ⇄ waiting → an end).
 */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null once the workflow is deleted: the run stays readable with its definition. */
    workflowId: text('workflow_id').references(() => workflows.id, { onDelete: 'set null' }),
    workflowName: text('workflow_name').notNull(),
    version: integer('version').notNull(),
    /** The definition that ran (a copy: versions of a deleted workflow are gone). */
    definition: jsonb('definition').$type<WorkflowDefinition>().notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    output: jsonb('output'),
    /** `{ code, message, step_path? }` when failed. */
    error: jsonb('error').$type<{ code: string; message: string; step_path?: string }>(),
    trigger: jsonb('trigger').$type<RunTrigger>().notNull(),
    parentRunId: text('parent_run_id'),
    /** Steps done / all steps known so far (foreach items count one each): the progress shown. */
    stepsDone: integer('steps_done').notNull().default(0),
    stepsTotal: integer('steps_total').notNull().default(0),
    /** Steps answered from the step cache or the run's memo without acting (the run record's hits). */
    cacheHits: integer('cache_hits').notNull().default(0),
    /** A pipeline's items: all, done (succeeded), failed. Zero for a plain workflow. */
    itemsTotal: integer('items_total').notNull().default(0),
    itemsDone: integer('items_done').notNull().default(0),
    itemsFailed: integer('items_failed').notNull().default(0),
    /** A paused pipeline starts no new item until resumed (the items under way finish). */
    pausedAt: at('paused_at'),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
  },
  (table) => [
    index('workflow_runs_owner_created_idx').on(table.ownerId, table.createdAt, table.id),
    index('workflow_runs_owner_status_idx').on(table.ownerId, table.status),
    index('workflow_runs_workflow_idx').on(table.workflowId, table.createdAt),
    index('workflow_runs_parent_idx').on(table.parentRunId),
  ],
);

export type StepStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/**
 * One row per step execution. `path` names it in the run: `fetch`, `review.then.publish`,
 * `each[3].clean`, `again#2.check`, `fetch.compensate`.
 */
export const workflowRunSteps = pgTable(
  'workflow_run_steps',
  {
    runId: text('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    stepId: text('step_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').$type<StepStatus>().notNull(),
    input: jsonb('input'),
    /** Capped as chat tool results are; `output_truncated` says so. */
    output: jsonb('output'),
    outputTruncated: boolean('output_truncated').notNull().default(false),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    attempts: integer('attempts').notNull().default(0),
    /** For a condition: the branch taken (`then` | `else`). */
    branch: text('branch'),
    cacheHit: boolean('cache_hit').notNull().default(false),
    model: text('model'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
  },
  (table) => [primaryKey({ columns: [table.runId, table.path] })],
);

/**
 * A person's decision a run waits for. The row is the truth (answered once, by a conditional
 * update); the DBOS message sent to `workflowId` only wakes the waiting step.
 */
export const workflowApprovals = pgTable(
  'workflow_approvals',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    runId: text('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    stepPath: text('step_path').notNull(),
    /** The DBOS workflow waiting on it (the run's root or a child's), to which the answer is sent. */
    dbosWorkflowId: text('dbos_workflow_id').notNull(),
    message: text('message').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'approved', 'refused', 'expired', 'cancelled'] }).notNull(),
    comment: text('comment'),
    values: jsonb('values').$type<Record<string, unknown>>(),
    answeredBy: text('answered_by'),
    answeredVia: text('answered_via'),
    expiresAt: at('expires_at'),
    createdAt: at('created_at').notNull(),
    answeredAt: at('answered_at'),
  },
  (table) => [
    uniqueIndex('workflow_approvals_run_step_idx').on(table.runId, table.stepPath),
    index('workflow_approvals_owner_pending_idx')
      .on(table.ownerId, table.createdAt)
      .where(sql`${table.status} = 'pending'`),
  ],
);

/** A `wait_event` step waiting: the first matching event is claimed by a conditional update, then sent. */
export const workflowEventWaits = pgTable(
  'workflow_event_waits',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    runId: text('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    stepPath: text('step_path').notNull(),
    dbosWorkflowId: text('dbos_workflow_id').notNull(),
    pattern: text('pattern').notNull(),
    filter: text('filter'),
    /** The event that matched, as the step's output; null while waiting. */
    matchedEvent: jsonb('matched_event'),
    expiresAt: at('expires_at'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('workflow_event_waits_run_step_idx').on(table.runId, table.stepPath),
    index('workflow_event_waits_open_idx')
      .on(table.pattern)
      .where(sql`${table.matchedEvent} is null`),
  ],
);

/**
 * One item of a pipeline run: what it was (a document reference, a text, a row), how it ended, and
 * its last step's output. Written once per item as it settles, with the run's counts.
 */
export const workflowRunItems = pgTable(
  'workflow_run_items',
  {
    runId: text('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    /** A document's name, or the start of a text: what users see in the list. */
    label: text('label').notNull(),
    /** The item as resolved: `{ kind: 'document', id }`, `{ kind: 'text', text }`, `{ kind: 'row', row }`. */
    item: jsonb('item').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['succeeded', 'failed'] }).notNull(),
    output: jsonb('output'),
    error: jsonb('error').$type<{ code: string; message: string; step_path?: string }>(),
    endedAt: at('ended_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.index] }),
    index('workflow_run_items_status_idx').on(table.runId, table.status),
  ],
);

/**
 * Step outputs kept for `cache: true` steps, per user: the key is a hash of the step's kind, its
 * tool or model (with the version of the code that ran it) and its resolved input.
 */
export const workflowStepCache = pgTable(
  'workflow_step_cache',
  {
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The tool or model id, for clearing one and for the listing. */
    subject: text('subject').notNull(),
    output: jsonb('output'),
    model: text('model'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    /** Not counted per entry (a write per hit): runs count theirs (`workflow_runs.cache_hits`). */
    hits: integer('hits').notNull().default(0),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.ownerId, table.key] }),
    index('workflow_step_cache_expires_idx').on(table.expiresAt),
  ],
);

export type WorkflowRow = typeof workflows.$inferSelect;
export type WorkflowRunRow = typeof workflowRuns.$inferSelect;
export type WorkflowRunStepRow = typeof workflowRunSteps.$inferSelect;
export type WorkflowApprovalRow = typeof workflowApprovals.$inferSelect;
export type WorkflowRunItemRow = typeof workflowRunItems.$inferSelect;
