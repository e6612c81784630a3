import { type ColumnsSelection, type Placeholder, sql } from 'drizzle-orm';
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
 *
 * The statement is prepared once per shape, so the insert is built once too: `build` gets
 * placeholders where the conversation's and its messages' ids go and uses `sql.placeholder` for
 * its own values (named not beginning with `conversation.` or `message`); `values` gives those for
 * each statement. Each `name` must always build the same insert.
 */
export interface AlsoInsert<Also extends ColumnsSelection> {
  name: string;
  build(stored: { conversationId: Placeholder; messageIds: Placeholder[] }): TypedQueryBuilder<Also>;
  values(stored: StoredStart): Record<string, unknown>;
}

type ConversationValues = typeof conversations.$inferInsert;
type MessageValues = typeof messages.$inferInsert;

interface Prepared {
  execute(values: Record<string, unknown>): Promise<unknown>;
}

/**
 * A column given as null, in a shape: its NULL is written into the statement. A placeholder's value
 * goes through the column's encoder, which would store a jsonb column's null as JSON `null`, and
 * fail on a timestamp's; an insert of the object sends SQL NULL.
 */
const nullMark = '=null';

/** The prepared statements of each database, by shape (the columns given, the messages, the caller's row). */
const preparedByDatabase = new WeakMap<Database, Map<string, Prepared>>();

/**
 * Inserts a conversation, its first messages and the caller's row in one statement
 * (data-modifying CTEs: all of them or none; the foreign keys are checked at its end). With
 * `unflushed` the statement sets `synchronous_commit = off` for its own transaction
 * (`set_config`'s local flag), which its commit reads. One round trip where a transaction took
 * six: begin, set, three inserts, commit. The statement is a named prepared statement, built by
 * drizzle once per shape (about half a millisecond of CPU each time before) and parsed by Postgres
 * once a connection.
 */
export async function insertConversation<Also extends ColumnsSelection>(
  db: Database,
  {
    conversation,
    values,
    also,
    unflushed,
  }: {
    conversation: ConversationValues;
    values: MessageValues[];
    also: AlsoInsert<Also> | undefined;
    unflushed: boolean;
  },
): Promise<{
  conversation: ConversationRow;
  rows: MessageRecord[];
  also: Record<string, unknown> | undefined;
}> {
  // A column left undefined takes its default, as an insert of the object would; one given as null
  // is part of the shape (see `nullMark`).
  const given = (row: object) =>
    Object.entries(row)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => (value === null ? `${column}${nullMark}` : column));
  const shape = {
    conversationKeys: given(conversation),
    messageKeys: values.map(given),
    also,
    unflushed,
  };
  const key = JSON.stringify([shape.conversationKeys, shape.messageKeys, also?.name ?? null, unflushed]);
  let prepared = preparedByDatabase.get(db)?.get(key);
  if (!prepared) {
    const byShape = preparedByDatabase.get(db) ?? new Map<string, Prepared>();
    preparedByDatabase.set(db, byShape);
    prepared = prepareStart(db, shape, `conversation_start_${byShape.size}`);
    byShape.set(key, prepared);
  }
  const placeholders: Record<string, unknown> = {
    ...(also?.values({ conversationId: conversation.id, messageIds: values.map((value) => value.id) }) ?? {}),
  };
  const fill = (prefix: string, row: object, keys: string[]) => {
    for (const column of keys)
      if (!column.endsWith(nullMark)) placeholders[`${prefix}.${column}`] = row[column as keyof typeof row];
  };
  fill('conversation', conversation, shape.conversationKeys);
  values.forEach((value, index) => fill(`message${index}`, value, shape.messageKeys[index] ?? []));
  const result = (await prepared.execute(placeholders)) as {
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

/** The statement of one shape, with a placeholder for every value (`conversation.<column>`, `message<n>.<column>`). */
function prepareStart<Also extends ColumnsSelection>(
  db: Database,
  {
    conversationKeys,
    messageKeys,
    also,
    unflushed,
  }: {
    conversationKeys: string[];
    messageKeys: string[][];
    also: AlsoInsert<Also> | undefined;
    unflushed: boolean;
  },
  name: string,
): Prepared {
  const placeholdersOf = (prefix: string, keys: string[]) =>
    Object.fromEntries(
      keys.map((key) =>
        key.endsWith(nullMark)
          ? [key.slice(0, -nullMark.length), sql`null`]
          : [key, sql.placeholder(`${prefix}.${key}`)],
      ),
    );
  const created = db.$with('created').as(
    db
      .insert(conversations)
      .values(placeholdersOf('conversation', conversationKeys) as unknown as ConversationValues)
      .returning(conversationColumns),
  );
  const inserted = db.$with('inserted').as(
    db
      .insert(messages)
      .values(
        messageKeys.map((keys, index) =>
          placeholdersOf(`message${index}`, keys),
        ) as unknown as MessageValues[],
      )
      .returning(messageColumns),
  );
  const alsoRow = also
    ? db.$with('also').as(
        also.build({
          conversationId: sql.placeholder('conversation.id'),
          messageIds: messageKeys.map((_, index) => sql.placeholder(`message${index}.id`)),
        }),
      )
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
  return query.prepare(name);
}
