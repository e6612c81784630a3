import type { Conversation, Message, Part } from '../schema.js';
import { conversations, type ConversationRow, messages, type MessageRow } from '../table.js';

/** A message as selected: every column but the search vector and the derived text. */
export type MessageRecord = Omit<MessageRow, 'searchVector' | 'text'>;

export const conversationColumns = {
  id: conversations.id,
  ownerId: conversations.ownerId,
  title: conversations.title,
  pinned: conversations.pinned,
  archived: conversations.archived,
  tags: conversations.tags,
  model: conversations.model,
  activeMessageId: conversations.activeMessageId,
  messageCount: conversations.messageCount,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
  lastMessageAt: conversations.lastMessageAt,
};

export const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  ownerId: messages.ownerId,
  parentId: messages.parentId,
  role: messages.role,
  parts: messages.parts,
  status: messages.status,
  error: messages.error,
  model: messages.model,
  metrics: messages.metrics,
  createdAt: messages.createdAt,
  updatedAt: messages.updatedAt,
};

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title,
    pinned: row.pinned,
    archived: row.archived,
    tags: row.tags,
    model: row.model,
    active_message_id: row.activeMessageId,
    message_count: row.messageCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    last_message_at: row.lastMessageAt?.toISOString() ?? null,
  };
}

export function toMessage(row: MessageRecord): Message {
  return {
    id: row.id,
    conversation_id: row.conversationId,
    parent_id: row.parentId,
    role: row.role,
    parts: row.parts,
    status: row.status,
    error: row.error,
    model: row.model,
    metrics: row.metrics,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** What search reads and titles come from: the text parts, joined by blank lines. */
export function textOf(parts: readonly Part[]): string {
  return parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('\n\n');
}
