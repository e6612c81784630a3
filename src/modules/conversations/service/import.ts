import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import { ImportInvalidError, MessageTooLargeError } from '../errors.js';
import { readChatGptExport } from './import-chatgpt.js';
import { type ImportedConversation, importLimits } from './import-model.js';
import { readSwitchboardExport } from './import-switchboard.js';
import { largestParts } from './messages.js';
import { textOf } from './rows.js';
import { exportFormat, type ImportResult } from '../schema.js';
import { conversations, messages } from '../table.js';

/** Rows per insert statement (sent as one JSON parameter rather than a dozen per row). */
const chunkSize = 500;

/** Our JSON export, ChatGPT's conversations.json (an array), or one ChatGPT conversation. */
export function readImport(payload: unknown): ImportedConversation[] {
  if (Array.isArray(payload)) return readChatGptExport(payload);
  if (payload && typeof payload === 'object') {
    if ((payload as { format?: unknown }).format === exportFormat) return readSwitchboardExport(payload);
    if ('mapping' in payload) return readChatGptExport([payload]);
  }
  throw new ImportInvalidError(
    `Expected a Switchboard export (an object with "format": "${exportFormat}") or ChatGPT's conversations.json (an array of conversations)`,
    { field: 'body' },
  );
}

function checkLimits(imported: ImportedConversation[]): void {
  if (imported.length > importLimits.conversations)
    throw new ImportInvalidError(`An import may hold up to ${importLimits.conversations} conversations`);
  const total = imported.reduce((sum, conversation) => sum + conversation.messages.length, 0);
  if (total > importLimits.messages)
    throw new ImportInvalidError(`An import may hold up to ${importLimits.messages} messages`);
  for (const conversation of imported)
    for (const message of conversation.messages)
      if (Buffer.byteLength(JSON.stringify(message.parts)) > largestParts)
        throw new MessageTooLargeError(largestParts);
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize)
    result.push(items.slice(start, start + chunkSize));
  return result;
}

/** Writes the conversations with new ids, all in one transaction: everything or nothing. */
export async function writeImport(
  db: Database,
  ids: IdGenerator,
  { userId, imported }: { userId: string; imported: ImportedConversation[] },
): Promise<ImportResult> {
  checkLimits(imported);
  const conversationRows: ({ id: string; title: string } & Record<string, unknown>)[] = [];
  const messageRows: Record<string, unknown>[] = [];
  for (const conversation of imported) {
    const conversationId = ids();
    const newIds = new Map(conversation.messages.map((message) => [message.key, ids()]));
    const lastMessageAt = conversation.messages.reduce<Date | null>(
      (latest, message) => (!latest || message.createdAt > latest ? message.createdAt : latest),
      null,
    );
    conversationRows.push({
      id: conversationId,
      owner_id: userId,
      title: conversation.title,
      pinned: conversation.pinned,
      archived: conversation.archived,
      tags: conversation.tags,
      model: conversation.model,
      active_message_id:
        conversation.activeKey === null ? null : (newIds.get(conversation.activeKey) ?? null),
      message_count: conversation.messages.length,
      created_at: conversation.createdAt.toISOString(),
      updated_at: conversation.updatedAt.toISOString(),
      last_message_at: lastMessageAt?.toISOString() ?? null,
    });
    for (const message of conversation.messages)
      messageRows.push({
        id: newIds.get(message.key),
        conversation_id: conversationId,
        owner_id: userId,
        parent_id: message.parentKey === null ? null : newIds.get(message.parentKey),
        role: message.role,
        parts: message.parts,
        text: textOf(message.parts),
        status: message.status,
        error: message.error,
        model: message.model,
        metrics: message.metrics,
        created_at: message.createdAt.toISOString(),
        updated_at: message.updatedAt.toISOString(),
      });
  }
  await db.transaction(async (transaction) => {
    for (const chunk of chunks(conversationRows))
      await transaction.execute(sql`
        insert into ${conversations} (id, owner_id, title, pinned, archived, tags, model, active_message_id,
          message_count, created_at, updated_at, last_message_at)
        select id, owner_id, title, pinned, archived, array(select json_array_elements_text(tags)), model,
          active_message_id, message_count, created_at, updated_at, last_message_at
        from json_to_recordset(${JSON.stringify(chunk)}::json) as incoming(id text, owner_id text, title text,
          pinned boolean, archived boolean, tags json, model text, active_message_id text, message_count integer,
          created_at timestamptz, updated_at timestamptz, last_message_at timestamptz)`);
    // Parents come first (the readers order them), so each chunk's parents are already in.
    for (const chunk of chunks(messageRows))
      await transaction.execute(sql`
        insert into ${messages} (id, conversation_id, owner_id, parent_id, role, parts, text, status, error, model,
          metrics, created_at, updated_at)
        select id, conversation_id, owner_id, parent_id, role, parts, text, status, error, model, metrics,
          created_at, updated_at
        from json_to_recordset(${JSON.stringify(chunk)}::json) as incoming(id text, conversation_id text,
          owner_id text, parent_id text, role text, parts jsonb, text text, status text, error jsonb, model text,
          metrics jsonb, created_at timestamptz, updated_at timestamptz)`);
  });
  return {
    imported: conversationRows.length,
    conversations: conversationRows.map((row) => ({ id: row.id, title: row.title })),
  };
}
