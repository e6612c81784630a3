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
import type { AgentDefinition } from './definition.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Agents. The current version's definition is copied here; every version is in agent_versions.
 * Built-in specialists are rows too (`builtin`, no owner), synced from code at start.
 */
export const agents = pgTable(
  'agents',
  {
    /** `agt_<uuidv7>`; built-ins `agt_builtin_<name>`. */
    id: text('id').primaryKey(),
    /** Null for built-ins, which every user reads and none changes. */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    definition: jsonb('definition').$type<AgentDefinition>().notNull(),
    version: integer('version').notNull(),
    visibility: text('visibility', { enum: ['private', 'shared', 'published'] }).notNull(),
    builtin: boolean('builtin').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** Set when removed: its runs stay readable and name it. */
    deletedAt: at('deleted_at'),
  },
  (table) => [
    uniqueIndex('agents_owner_name_idx').on(table.ownerId, table.name),
    index('agents_visibility_idx').on(table.visibility, table.id),
  ],
);

export type AgentRow = typeof agents.$inferSelect;

/** Every saved version of an agent, immutable: a run names the version it ran. */
export const agentVersions = pgTable(
  'agent_versions',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<AgentDefinition>().notNull(),
    /** The user who saved it; `system` for built-ins. */
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.agentId, table.version] })],
);

export type AgentRunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';

/**
 * Agent runs. The id is also the DBOS workflow id. The row is what users see; DBOS's own tables
 * are what resumes it. Status moves forward only (queued → running ⇄ waiting → an end).
 */
export const agentRuns = pgTable(
  'agent_runs',
  {
    /** `arun_<uuidv7>`. */
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    agentName: text('agent_name').notNull(),
    agentVersion: integer('agent_version').notNull(),
    /** The run of the agent that called this one as a tool, if any. */
    parentRunId: text('parent_run_id'),
    teamRunId: text('team_run_id'),
    /** 0 for a run started by a person; a called agent's run is its caller's depth + 1. */
    depth: integer('depth').notNull().default(0),
    status: text('status').$type<AgentRunStatus>().notNull(),
    input: text('input').notNull(),
    output: text('output'),
    /** `{ code, message }` when failed. */
    error: jsonb('error').$type<{ code: string; message: string }>(),
    steps: integer('steps').notNull().default(0),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('agent_runs_owner_created_idx').on(table.ownerId, table.id),
    index('agent_runs_agent_idx').on(table.agentId, table.createdAt),
    index('agent_runs_parent_idx').on(table.parentRunId),
    index('agent_runs_status_idx').on(table.status),
  ],
);

export type AgentRunRow = typeof agentRuns.$inferSelect;

// marketplace (agents-market): listings, reviews, installs; A2A tasks and external A2A agents
export * from './marketplace/tables.js';
export * from './a2a/tables.js';
