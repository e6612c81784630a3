import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../identity/table.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A2A tasks of our agents: the task as the A2A SDK keeps it (its JSON, proto field names), whose it
 * is, which agent it asked and the agent run it maps onto. Another user's task is not found.
 */
export const a2aTasks = pgTable(
  'a2a_tasks',
  {
    /** The task id the A2A SDK made (a UUID). */
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').notNull(),
    /** The agent run doing the work (`arun_…`), once started. */
    runId: text('run_id'),
    contextId: text('context_id').notNull(),
    /** The A2A Task (`Task.toJSON`). */
    task: jsonb('task').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('a2a_tasks_owner_idx').on(table.ownerId, table.agentId, table.createdAt)],
);

export type A2aTaskRow = typeof a2aTasks.$inferSelect;

/**
 * External A2A agents a user added by their card URL, offered to them as the tool `a2a__<name>`.
 * The bearer token (optional) is sealed at rest (src/secrets).
 */
export const a2aRemoteAgents = pgTable(
  'a2a_remote_agents',
  {
    /** `a2a_<uuidv7>`. */
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The tool is `a2a__<name>`. */
    name: text('name').notNull(),
    cardUrl: text('card_url').notNull(),
    /** The agent card as last fetched (proto JSON). */
    card: jsonb('card').$type<Record<string, unknown>>().notNull(),
    description: text('description').notNull(),
    token: text('token'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [uniqueIndex('a2a_remote_agents_owner_name_idx').on(table.ownerId, table.name)],
);

export type A2aRemoteAgentRow = typeof a2aRemoteAgents.$inferSelect;
