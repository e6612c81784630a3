import { type ColumnsSelection, sql } from 'drizzle-orm';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import type { Database } from '../../../db/database.js';
import { type ConversationRow, conversations, messages } from '../table.js';
import { conversationColumns, messageColumns, type MessageRecord } from './rows.js';

/** What a new conversation stored: its id and its first messages' ids, in chain order. */
export interface StoredStart {
  conversationId: string;
  messageIds: string[];
}

/**
 * A caller's own row about a new conversation (the chat's claim on its reply): an insert …
 * returning, written in the statement that stores the conversation. Its row comes back as `also`.
 * It must insert exactly one row or fail (a plain insert, no `on conflict do nothing`): Postgres
 * runs every data-modifying CTE whatever the outer query reads, so a row it did not insert would
 * not undo the conversation's.
 */
export type AlsoInsert<Also extends ColumnsSelection> = (stored: StoredStart) => TypedQueryBuilder<Also>;

/**
 * Inserts a conversation, its first messages and the caller's row in one statement
 * (data-modifying CTEs: all of them or none; the foreign keys are checked at its end). With
 * `unflushed` the statement sets `synchronous_commit = off` for its own transaction
 * (`set_config`'s local flag), which its commit reads. One round trip where a transaction took
 * six: begin, set, three inserts, commit.
 */
export async function insertConversation<Also extends ColumnsSelection>(
  db: Database,
  {
    conversation,
    values,
    also,
    unflushed,
  }: {
    conversation: typeof conversations.$inferInsert;
    values: (typeof messages.$inferInsert)[];
    also: AlsoInsert<Also> | undefined;
    unflushed: boolean;
  },
): Promise<{
  conversation: ConversationRow;
  rows: MessageRecord[];
  also: Record<string, unknown> | undefined;
}> {
  const created = db
    .$with('created')
    .as(db.insert(conversations).values(conversation).returning(conversationColumns));
  const inserted = db.$with('inserted').as(db.insert(messages).values(values).returning(messageColumns));
  const alsoRow = also
    ? db
        .$with('also')
        .as(also({ conversationId: conversation.id, messageIds: values.map((value) => value.id) }))
    : undefined;
  const off = db
    .$with('unflushed', { off: sql<string>`off` })
    .as(sql`select set_config('synchronous_commit', 'off', true) as off`);
  const fields = (source: object, keys: string[]) =>
    Object.fromEntries(keys.map((key) => [key, (source as Record<string, unknown>)[key]]));
  const selection = {
    message: fields(inserted, Object.keys(messageColumns)),
    conversation: fields(created, Object.keys(conversationColumns)),
    ...(alsoRow && { also: fields(alsoRow, Object.keys(alsoRow._.selectedFields)) }),
  };
  const ctes = [created, inserted, ...(alsoRow ? [alsoRow] : []), ...(unflushed ? [off] : [])];
  let query = db
    .with(...ctes)
    .select(selection as never)
    .from(inserted)
    .innerJoin(created, sql`true`)
    .$dynamic();
  if (alsoRow) query = query.innerJoin(alsoRow as unknown as typeof off, sql`true`);
  if (unflushed) query = query.innerJoin(off, sql`true`);
  const result = (await query) as unknown as {
    message: MessageRecord;
    conversation: ConversationRow;
    also?: Record<string, unknown>;
  }[];
  const [first] = result;
  if (!first || result.length !== values.length)
    throw new Error(
      `The conversation's statement answered ${result.length} rows for ${values.length} messages`,
    );
  return { conversation: first.conversation, rows: result.map((row) => row.message), also: first.also };
}
