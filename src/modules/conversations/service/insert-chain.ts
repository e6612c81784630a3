import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import '../events.js';
import { conversationColumns, messageColumns, type MessageRecord, textOf } from './rows.js';
import type { AppendMessagesInput } from '../schema.js';
import { conversations, type ConversationRow, messages } from '../table.js';
import { titleFrom } from './title.js';

export type ChainMessage = Required<Pick<AppendMessagesInput['messages'][number], 'role' | 'parts'>> &
  Omit<AppendMessagesInput['messages'][number], 'role' | 'parts' | 'status'> & {
    status: MessageRecord['status'];
  };

/**
 * The rows of a chain of messages: the first under `parentId`, each next one under the one before.
 * Answers them with the last one's id (the new active leaf) and the title the first question gives.
 */
export function chainRows({
  conversationId,
  ownerId,
  parentId,
  chain,
  now,
  ids,
}: {
  conversationId: string;
  ownerId: string;
  parentId: string | null;
  chain: ChainMessage[];
  now: Date;
  ids: IdGenerator;
}) {
  let parent = parentId;
  const values = chain.map(({ role, parts, status, model, metrics }) => {
    const id = ids();
    const row = {
      id,
      conversationId,
      ownerId,
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
  const firstQuestion = values.find((value) => value.role === 'user');
  return { values, leafId: parent, title: firstQuestion ? titleFrom(firstQuestion.text) : '' };
}

/** Inserted rows in the order they were given (RETURNING does not promise one). */
export function inChainOrder(inserted: MessageRecord[], values: { id: string }[]): MessageRecord[] {
  const order = new Map(values.map((value, index) => [value.id, index]));
  return inserted.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * Inserts a chain of messages into a conversation (inside the caller's transaction) and makes the
 * last the active leaf. The first user message titles an untitled conversation. Answers the rows
 * in order and the updated conversation.
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
  const {
    values,
    leafId,
    title: firstTitle,
  } = chainRows({
    conversationId: conversation.id,
    ownerId: conversation.ownerId,
    parentId,
    chain,
    now,
    ids,
  });
  const inserted = await transaction.insert(messages).values(values).returning(messageColumns);
  const title = conversation.title === '' ? firstTitle : '';
  const [updated] = await transaction
    .update(conversations)
    .set({
      activeMessageId: leafId,
      messageCount: sql`${conversations.messageCount} + ${values.length}`,
      updatedAt: now,
      lastMessageAt: now,
      ...(title && { title }),
    })
    .where(eq(conversations.id, conversation.id))
    .returning(conversationColumns);
  return {
    rows: inChainOrder(inserted, values),
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
    bus.publishSoon(actor, 'message.created', {
      conversation_id: conversationId,
      message_id: row.id,
      role: row.role,
      owner_id: ownerId,
    });
  }
  if (titled)
    bus.publishSoon(actor, 'conversation.updated', {
      conversation_id: conversationId,
      owner_id: ownerId,
      changes: ['title'],
    });
}
