import { and, arrayContains, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { escapeLike } from '../../../db/like.js';
import { InvalidInputError } from '../../../errors.js';
import { conversationColumns, toConversation } from './rows.js';
import {
  type ConversationPage,
  type ListConversationsInput,
  listConversationsInputSchema,
} from '../schema.js';
import { conversations } from '../table.js';

const badCursor = () =>
  new InvalidInputError('The cursor is not valid: pass back the next_cursor of a previous page', {
    field: 'cursor',
  });

/** Lists are ordered by last activity, so the keyset is (updated_at, id), opaque to clients. */
function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: updatedAt.toISOString(), id })).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const { at, id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      at?: unknown;
      id?: unknown;
    };
    const time = typeof at === 'string' ? new Date(at) : undefined;
    if (time && !Number.isNaN(time.getTime()) && typeof id === 'string') return { at: time, id };
  } catch {
    // the same error as a well-formed but foreign value
  }
  throw badCursor();
}

/** The user's conversations, most recent activity first, filtered, a page at a time. */
export async function listConversations(
  db: Database,
  userId: string,
  input: ListConversationsInput,
): Promise<ConversationPage> {
  const { limit, cursor, query, pinned, archived, tag } = listConversationsInputSchema.parse(input);
  const conditions: SQL[] = [eq(conversations.ownerId, userId), eq(conversations.archived, archived)];
  if (pinned !== undefined) conditions.push(eq(conversations.pinned, pinned));
  if (tag) conditions.push(arrayContains(conversations.tags, [tag]));
  if (query) conditions.push(ilike(conversations.title, `%${escapeLike(query)}%`));
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push(sql`(${conversations.updatedAt}, ${conversations.id}) < (${after.at}, ${after.id})`);
  }
  const rows = await db
    .select(conversationColumns)
    .from(conversations)
    .where(and(...conditions))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toConversation),
    next_cursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}
