import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Event history: append-only, pruned by age (EVENT_RETENTION_DAYS). Ids are UUIDv7, so id order is time order. */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    actorVia: text('actor_via').notNull(),
    data: jsonb('data').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('events_at_idx').on(table.at), index('events_actor_idx').on(table.actorId, table.id)],
);

export type EventRow = typeof events.$inferSelect;
