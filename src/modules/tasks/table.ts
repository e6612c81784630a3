import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/tsvector.js';
import { users } from '../identity/table.js';

/** Todo tasks. `search` is kept by Postgres from the title and description, for full-text search. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: ['pending', 'completed'] }).notNull(),
    priority: text('priority', { enum: ['low', 'medium', 'high'] }).notNull(),
    dueDate: timestamp('due_date', { withTimezone: true }),
    tags: text('tags').array().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (table) => [
    index('tasks_owner_idx').on(table.ownerId, table.id),
    index('tasks_search_idx').using('gin', table.search),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;
