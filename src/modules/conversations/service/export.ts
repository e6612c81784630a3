import { and, asc, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { loadOwnedConversation } from './access.js';
import { conversationMarkdown, fileNameFrom } from './markdown.js';
import { conversationColumns, messageColumns, toConversation, toMessage } from './rows.js';
import { type ConversationsExport, type ExportedConversation, exportFormat } from '../schema.js';
import { conversations, messages } from '../table.js';

/** An export ready to send: JSON with everything, or Markdown of the active branches. */
export type ExportedFile =
  | { format: 'json'; filename: string; data: ConversationsExport }
  | { format: 'markdown'; filename: string; text: string };

async function exportedConversations(
  db: Database,
  { userId, conversationId }: { userId: string; conversationId?: string | undefined },
): Promise<ExportedConversation[]> {
  const rows = conversationId
    ? [await loadOwnedConversation(db, { userId, conversationId })]
    : await db
        .select(conversationColumns)
        .from(conversations)
        .where(eq(conversations.ownerId, userId))
        .orderBy(desc(conversations.updatedAt), desc(conversations.id));
  const messageRows = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.ownerId, userId),
        conversationId ? eq(messages.conversationId, conversationId) : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const byConversation = new Map<string, ExportedConversation['messages']>();
  for (const row of messageRows) {
    const list = byConversation.get(row.conversationId) ?? [];
    list.push(toMessage(row));
    byConversation.set(row.conversationId, list);
  }
  return rows.map((row) => ({ ...toConversation(row), messages: byConversation.get(row.id) ?? [] }));
}

/** The user's conversations (or one of them) as a file. */
export async function exportConversations(
  db: Database,
  clock: Clock,
  {
    userId,
    conversationId,
    format,
  }: { userId: string; conversationId?: string | undefined; format: 'json' | 'markdown' },
): Promise<ExportedFile> {
  const exported = await exportedConversations(db, { userId, conversationId });
  const now = clock.now();
  const base =
    conversationId && exported[0]
      ? fileNameFrom(exported[0].title, 'conversation')
      : `conversations-${now.toISOString().slice(0, 10)}`;
  if (format === 'json') {
    const data: ConversationsExport = {
      format: exportFormat,
      version: 1,
      exported_at: now.toISOString(),
      conversations: exported,
    };
    return { format, filename: `${base}.json`, data };
  }
  return { format, filename: `${base}.md`, text: exported.map(conversationMarkdown).join('\n---\n\n') };
}
