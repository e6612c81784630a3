import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import type { EventBus } from '../../bus/event-bus.js';
import type { Database } from '../../db/database.js';
import type { IdGenerator } from '../../ids.js';
import './events.js';
import { conversationColumns, messageColumns, type MessageRecord, textOf } from './rows.js';
import type { AppendMessagesInput } from './schema.js';
import { conversations, type ConversationRow, messages } from './table.js';
import { titleFrom } from './title.js';

type ChainMessage = Required<Pick<AppendMessagesInput['messages'][number], 'role' | 'parts'>> &
  Omit<AppendMessagesInput['messages'][number], 'role' | 'parts' | 'status'> & {
    status: MessageRecord['status'];
  };

/**
 * Inserts a chain of messages into a conversation (inside the caller's transaction): the first
 * under `parentId`, each next one under the one before, the last made the active leaf. The first
 * user message titles an untitled conversation. Answers the rows in order and the updated conversation.
 */
export async function insertChain(
  transaction: Database,
  {
    conversation,
    parentId,
    chain,
    now,
    ids,
  }: {
    conversation: ConversationRow;
    parentId: string | null;
    chain: ChainMessage[];
    now: Date;
    ids: IdGenerator;
  },
): Promise<{ rows: MessageRecord[]; conversation: ConversationRow; titled: boolean }> {
  let parent = parentId;
  const values = chain.map(({ role, parts, status, model, metrics }) => {
    const id = ids();
    const row = {
      id,
      conversationId: conversation.id,
      ownerId: conversation.ownerId,
      parentId: parent,
      role,
      parts,
      text: textOf(parts),
      status,
      model: model ?? null,
      metrics: metrics ?? null,
      createdAt: now,
      updatedAt: now,
    };
    parent = id;
    return row;
  });
  const inserted = await transaction.insert(messages).values(values).returning(messageColumns);
  const firstQuestion = values.find((value) => value.role === 'user');
  const title = conversation.title === '' && firstQuestion ? titleFrom(firstQuestion.text) : '';
  const [updated] = await transaction
    .update(conversations)
    .set({
      activeMessageId: parent,
      messageCount: sql`${conversations.messageCount} + ${values.length}`,
      updatedAt: now,
      lastMessageAt: now,
      ...(title && { title }),
    })
    .where(eq(conversations.id, conversation.id))
    .returning(conversationColumns);
  const order = new Map(values.map((value, index) => [value.id, index]));
  return {
    rows: inserted.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    conversation: updated ?? conversation,
    titled: title !== '',
  };
}

/** Announces stored messages, batched: a turn writes several, and they are already in the database. */
export function announceChain(
  bus: EventBus,
  actor: Actor,
  {
    conversationId,
    ownerId,
    rows,
    titled,
  }: { conversationId: string; ownerId: string; rows: MessageRecord[]; titled: boolean },
) {
  for (const row of rows) {
    bus.publishSoon(actor, 'message.created', { conversationId, messageId: row.id, role: row.role, ownerId });
  }
  if (titled) bus.publishSoon(actor, 'conversation.updated', { conversationId, ownerId, changes: ['title'] });
}
