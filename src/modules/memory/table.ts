import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/tsvector.js';
import { varbit } from '../../db/varbit.js';
import { users } from '../identity/table.js';

/**
 * Long-term memories: short facts a user (or an agent or team of theirs) asked to keep. `search`
 * is kept by Postgres for full-text recall (english stemming, so "managers" finds "manager");
 * `text` has a trigram index (pg_trgm) for misspelt words.
 */
export const memories = pgTable(
  'memories',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['user', 'agent', 'team'] }).notNull(),
    /** The user's id for `user`; the agent's or team's id otherwise. */
    scopeId: text('scope_id').notNull(),
    text: text('text').notNull(),
    /** The text lower-cased with punctuation and spacing folded: equal for the same fact written twice. */
    normalized: text('normalized').notNull(),
    sourceKind: text('source_kind', { enum: ['message', 'document', 'run', 'manual'] }).notNull(),
    sourceId: text('source_id'),
    tags: text('tags').array().notNull(),
    importance: integer('importance').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    usedCount: integer('used_count').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english'::regconfig, coalesce(text, ''))`),
  },
  (table) => [
    index('memories_owner_scope_idx').on(table.ownerId, table.scope, table.scopeId, table.id),
    index('memories_owner_normalized_idx').on(table.ownerId, table.normalized),
    index('memories_search_idx').using('gin', table.search),
    index('memories_text_trgm_idx').using('gin', table.text.op('gin_trgm_ops')),
  ],
);

export type MemoryRow = typeof memories.$inferSelect;

/**
 * One embedding per memory and model, computed once when the memory is written (or by the sweep
 * for memories written before the model was set). Unit length, so cosine is the dot product.
 * `signs` holds one bit per dimension (1 where the value is positive): recall first takes the
 * memories whose signs differ least from the query's (a Hamming distance, cheap in SQL), then
 * computes the exact cosine of those only.
 *
 * The memory's owner, scope and archived flag are kept here too (copied when the embedding is
 * written; `archived` follows every archive and unarchive), so that first step reads this one
 * table through `memory_embeddings_recall_idx` instead of joining every memory of the scope.
 */
export const memoryEmbeddings = pgTable(
  'memory_embeddings',
  {
    memoryId: text('memory_id')
      .notNull()
      .references(() => memories.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    dims: integer('dims').notNull(),
    vector: real('vector').array().notNull(),
    /** Null only for rows written before the column existed; the sweep fills it. */
    signs: varbit('signs'),
    /** The memory's; null only for rows written before these columns existed (the sweep fills them). */
    ownerId: text('owner_id'),
    scope: text('scope', { enum: ['user', 'agent', 'team'] }),
    scopeId: text('scope_id'),
    /** Whether the memory is archived (`memories.archived_at` is set). */
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.memoryId, table.model] }),
    index('memory_embeddings_recall_idx')
      .on(table.ownerId, table.scope, table.scopeId, table.model)
      .where(sql`not ${table.archived}`),
  ],
);

/** One recall for a chat turn: how many memories it found (for the hit rate). */
export const memoryRecalls = pgTable(
  'memory_recalls',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['user', 'agent', 'team'] }).notNull(),
    scopeId: text('scope_id').notNull(),
    hits: integer('hits').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('memory_recalls_owner_idx').on(table.ownerId, table.scope, table.scopeId, table.at)],
);
