import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { ConversationNotFoundError, MessageNotFoundError } from '../errors.js';
import { conversationColumns, messageColumns, type MessageRecord } from './rows.js';
import { conversations, type ConversationRow, messages } from '../table.js';

/** The user's conversation (locked for change with `lock`); anyone else's is not found. */
export async function loadOwnedConversation(
  db: Database,
  { userId, conversationId, lock = false }: { userId: string; conversationId: string; lock?: boolean },
): Promise<ConversationRow> {
  const query = db
    .select(conversationColumns)
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new ConversationNotFoundError(conversationId);
  return row;
}

/** The user's message; anyone else's is not found. */
export async function loadOwnedMessage(
  db: Database,
  { userId, messageId }: { userId: string; messageId: string },
): Promise<MessageRecord> {
  const [row] = await db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.ownerId, userId)));
  if (!row) throw new MessageNotFoundError(messageId);
  return row;
}

/** Throws unless `messageId` is a message of this conversation (of this user). */
export async function requireMessageIn(
  db: Database,
  { userId, conversationId, messageId }: { userId: string; conversationId: string; messageId: string },
): Promise<void> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.conversationId, conversationId),
        eq(messages.ownerId, userId),
      ),
    );
  if (!row) throw new MessageNotFoundError(messageId, 'parent_id');
}
