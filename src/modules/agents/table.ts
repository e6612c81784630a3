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
import type { AgentDefinition } from './definition.js';
import type { TeamMember, TeamOptions, TeamSnapshot, TeamTurn } from './teams/schema.js';

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

/** A tool call an agent run waits on until its owner approves or refuses it. */
export interface PendingApproval {
  approval_id: string;
  tool: string;
  input: unknown;
}

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
    /** The tool calls a waiting run holds for its owner's answer (empty otherwise). */
    approvals: jsonb('approvals').$type<PendingApproval[]>().notNull().default([]),
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
// mailbox

/**
 * Messages between agents. A message belongs to the user whose agents exchange it (`owner_id`):
 * it is addressed to an agent (any run of it may take it) or to one agent run (`to_run_id`). The
 * row is the truth; the DBOS workflow `agents.mailbox.watch` (one per message) only times its
 * redelivery. `pending` waits for a receiver from `visible_at`; `delivered` is leased to one until
 * `lease_until`; `acked` is done; `dead` is in the dead letters after `max_attempts` deliveries.
 */
export const agentMessages = pgTable(
  'agent_messages',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toAgentId: text('to_agent_id').notNull(),
    toRunId: text('to_run_id'),
    fromAgentId: text('from_agent_id'),
    fromRunId: text('from_run_id'),
    correlationId: text('correlation_id'),
    replyTo: text('reply_to'),
    /** The receiver's capability the payload is for (checked against its input_schema when it has one). */
    capability: text('capability'),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'acked', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** How many times a person replayed it from the dead letters (each replay is a new watch). */
    replays: integer('replays').notNull().default(0),
    visibleAt: at('visible_at').notNull(),
    leaseUntil: at('lease_until'),
    deliveredAt: at('delivered_at'),
    ackedAt: at('acked_at'),
    deadAt: at('dead_at'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('agent_messages_inbox_idx')
      .on(table.ownerId, table.toAgentId, table.visibleAt)
      .where(sql`${table.status} = 'pending'`),
    index('agent_messages_owner_status_idx').on(table.ownerId, table.status, table.id),
    index('agent_messages_run_idx').on(table.toRunId),
    index('agent_messages_correlation_idx').on(table.ownerId, table.correlationId),
  ],
);
export type AgentMessageRow = typeof agentMessages.$inferSelect;

// teams

/**
 * Teams: agents plus a pattern (supervisor, pipeline, review, vote) and its options. Members name
 * agents by id or name, read as the team's owner when it runs (an agent no longer visible fails
 * that member's turn).
 */
export const agentTeams = pgTable(
  'agent_teams',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    pattern: text('pattern', { enum: ['supervisor', 'pipeline', 'review', 'vote'] }).notNull(),
    members: jsonb('members').$type<TeamMember[]>().notNull(),
    options: jsonb('options').$type<TeamOptions>().notNull(),
    /** 1 when made, one more at each change (the marketplace offers an install the newer one). */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [uniqueIndex('agent_teams_owner_name_idx').on(table.ownerId, table.name)],
);
export type AgentTeamRow = typeof agentTeams.$inferSelect;

/**
 * One run of a team: a DBOS workflow (its id is the row's). The team as it was at the start is
 * kept here (`team`), so a replay after a crash runs the same members; each member's turn is an
 * agent run (agent_runs.team_run_id) listed in `turns`.
 */
export const agentTeamRuns = pgTable(
  'agent_team_runs',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => agentTeams.id, { onDelete: 'cascade' }),
    team: jsonb('team').$type<TeamSnapshot>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] }).notNull(),
    input: text('input').notNull(),
    output: text('output'),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    turns: jsonb('turns').$type<TeamTurn[]>().notNull().default([]),
    /** The shared context space of the run (issue 20 fills it in). */
    contextSpaceId: text('context_space_id'),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (table) => [index('agent_team_runs_owner_idx').on(table.ownerId, table.teamId, table.id)],
);
export type AgentTeamRunRow = typeof agentTeamRuns.$inferSelect;

// marketplace (agents-market): listings, reviews, installs; A2A tasks and external A2A agents
export * from './marketplace/tables.js';
export * from './a2a/tables.js';
export * from './coordination/tables.js';
