import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { conversations, messages } from '../conversations/table.js';

/**
 * The replies being written, one row per conversation at most: the primary key is the database's
 * guard for "one reply at a time", whichever instance is asked. The instance writing the reply
 * renews `lease_expires_at` (database time) while it streams; a row whose lease ran out belongs to
 * an instance that died, and any instance removes it and interrupts its reply. `run_id` fences a
 * run that lost its lease from renewing or releasing the next one's claim.
 */
export const chatRuns = pgTable(
  'chat_runs',
  {
    conversationId: text('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    runId: text('run_id').notNull().unique(),
    /** Null for the moment between the claim and the turn being stored. */
    replyId: text('reply_id'),
    ownerId: text('owner_id').notNull(),
    instanceId: text('instance_id').notNull(),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('chat_runs_reply_idx').on(table.replyId),
    index('chat_runs_lease_idx').on(table.leaseExpiresAt),
  ],
);

/**
 * The chunks of each reply being written, as the instance writing it numbered them, a batch a row
 * (written every 250 ms) — so a client that resumes on another instance gets the same events with
 * the same ids. Kept as JSON text: any chunk is storable that way (jsonb refuses `\u0000`).
 * Only written when other instances may share the database; removed a minute after the run ends.
 */
export const chatRunChunks = pgTable(
  'chat_run_chunks',
  {
    replyId: text('reply_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** The sequence number of the first chunk in `chunks`. */
    firstSeq: integer('first_seq').notNull(),
    chunks: text('chunks').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.replyId, table.firstSeq] }),
    index('chat_run_chunks_written_idx').on(table.writtenAt),
  ],
);
