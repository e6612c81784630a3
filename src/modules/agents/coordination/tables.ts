import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../identity/table.js';
import type { UnavailableAgent } from '../service/match.js';
import type { CoordinationPart, CoordinationStatus } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Coordinations: a goal split into parts, each handed to the best-matching agent by the DBOS
 * workflow `agents.coordinate` (whose id is the row's). The row is what the user reads afterwards.
 */
export const agentCoordinations = pgTable(
  'agent_coordinations',
  {
    /** `coord_<uuidv7>`: also the correlation id of the messages it sends. */
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .$type<CoordinationStatus>()
      .notNull(),
    goal: text('goal').notNull(),
    /** How long each part's run is waited for. */
    timeoutMs: integer('timeout_ms').notNull(),
    parts: jsonb('parts').$type<CoordinationPart[]>().notNull().default([]),
    unavailable: jsonb('unavailable').$type<UnavailableAgent[]>().notNull().default([]),
    report: text('report'),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (table) => [index('agent_coordinations_owner_idx').on(table.ownerId, table.id)],
);
export type AgentCoordinationRow = typeof agentCoordinations.$inferSelect;
