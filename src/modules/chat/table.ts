import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { conversations, messages } from '../conversations/table.js';

/**
 * The replies being written, one row per conversation at most: the primary key is the database's
 * guard for "one reply at a time", whichever instance is asked. The instance writing the reply
 * renews `lease_expires_at` (database time) while it streams; a row whose lease ran out belongs to
 * an instance that died, and any instance removes it and interrupts its reply. `run_id` fences a
 * run that lost its lease from renewing or releasing the next one's claim, and keys its chunk log
 * (a reply that goes on after approvals is written by a second run, numbered from 1 again).
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
    /**
     * The process holding the claim: the `instance_id` of its `instance.started` event (a fresh id
     * each start, unlike the engine's executor id). Read by no code: it tells an operator looking
     * at a stuck conversation which process to look at.
     */
    processId: text('process_id').notNull(),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('chat_runs_reply_idx').on(table.replyId),
    index('chat_runs_lease_idx').on(table.leaseExpiresAt),
  ],
);

/**
 * The chunks of each run writing a reply, as the instance writing it numbered them, a batch a row
 * (written every 250 ms) — so a client that resumes on another instance gets the same events with
 * the same ids. Kept as JSON text: any chunk is storable that way (jsonb refuses `\u0000`).
 * Only written when other instances may share the database; a batch is removed once its run has
 * ended (its claim is gone) and the batch is more than a minute old.
 */
export const chatRunChunks = pgTable(
  'chat_run_chunks',
  {
    runId: text('run_id').notNull(),
    /** Only so the log goes with its reply when the conversation is deleted. */
    replyId: text('reply_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** The sequence numbers of the first and last chunks in `chunks`: a resume reads from the batch holding its next chunk. */
    firstSeq: integer('first_seq').notNull(),
    lastSeq: integer('last_seq').notNull(),
    chunks: text('chunks').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.firstSeq] }),
    index('chat_run_chunks_written_idx').on(table.writtenAt),
  ],
);
