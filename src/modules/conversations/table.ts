import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/tsvector.js';
import { users } from '../identity/table.js';
import type { MessageError, MessageMetrics, Part } from './schema.js';

/**
 * Conversations: one row each, with the leaf of the branch the user is on (`active_message_id`).
 * The messages themselves are rows of `messages`.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Empty until set by the user or from the first user message. */
    title: text('title').notNull(),
    pinned: boolean('pinned').notNull(),
    archived: boolean('archived').notNull(),
    tags: text('tags').array().notNull(),
    model: text('model'),
    activeMessageId: text('active_message_id'),
    messageCount: integer('message_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (table) => [
    index('conversations_owner_updated_idx').on(
      table.ownerId,
      table.updatedAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

/**
 * Messages, a tree per conversation: `parent_id` is the message answered or followed (null for a
 * root). Editing or regenerating adds a sibling. The composite foreign key keeps a parent inside its
 * child's conversation. `text` is the text parts joined (the service writes it), read by search.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references((): AnyPgColumn => conversations.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    role: text('role', { enum: ['user', 'assistant', 'system'] }).notNull(),
    parts: jsonb('parts').$type<Part[]>().notNull(),
    text: text('text').notNull(),
    status: text('status', {
      enum: ['complete', 'streaming', 'awaiting_approval', 'interrupted', 'error'],
    }).notNull(),
    error: jsonb('error').$type<MessageError>(),
    model: text('model'),
    metrics: jsonb('metrics').$type<MessageMetrics>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', left(text, 250000))`),
  },
  (table) => [
    unique('messages_conversation_id_key').on(table.conversationId, table.id),
    index('messages_conversation_parent_idx').on(table.conversationId, table.parentId),
    index('messages_owner_idx').on(table.ownerId),
    index('messages_search_idx').using('gin', table.searchVector),
    index('messages_streaming_idx')
      .on(table.updatedAt)
      .where(sql`status = 'streaming'`),
    foreignKey({
      name: 'messages_parent_fk',
      columns: [table.conversationId, table.parentId],
      foreignColumns: [table.conversationId, table.id],
    }).onDelete('cascade'),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
