import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { offsetCursor, offsetPosition } from '../../../db/cursor.js';
import { type MessageHitPage, type SearchMessagesInput, searchMessagesInputSchema } from '../schema.js';
import { conversations, messages } from '../table.js';

/** How much of a message's text the snippet is looked for in (ts_headline reads all it is given). */
const snippetSource = 100_000;

/**
 * Full-text search over the text of the user's messages, best match first, each with the passage
 * that matched (as documents do). Ranked results are paged by position.
 */
export async function searchMessages(
  db: Database,
  userId: string,
  input: SearchMessagesInput,
): Promise<MessageHitPage> {
  const { query: words, limit, cursor } = searchMessagesInputSchema.parse(input);
  const offset = cursor === undefined ? 0 : offsetPosition(cursor);
  const query = sql`websearch_to_tsquery('simple', ${words})`;
  const rank = sql<number>`ts_rank_cd(${messages.searchVector}, ${query})`;
  const rows = await db
    .select({
      conversationId: messages.conversationId,
      conversationTitle: conversations.title,
      messageId: messages.id,
      role: messages.role,
      createdAt: messages.createdAt,
      snippet: sql<string>`ts_headline('simple', left(${messages.text}, ${snippetSource}), ${query}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.ownerId, userId),
        eq(conversations.ownerId, userId),
        sql`${messages.searchVector} @@ ${query}`,
      ),
    )
    .orderBy(desc(rank), desc(messages.id))
    .limit(limit + 1)
    .offset(offset);
  return {
    items: rows.slice(0, limit).map((row) => ({
      conversation_id: row.conversationId,
      conversation_title: row.conversationTitle,
      message_id: row.messageId,
      role: row.role,
      snippet: row.snippet.trim(),
      created_at: row.createdAt.toISOString(),
    })),
    next_cursor: rows.length > limit ? offsetCursor(offset + limit) : null,
  };
}
