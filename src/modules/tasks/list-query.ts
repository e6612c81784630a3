import { and, arrayContains, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { cursorPosition } from '../../db/cursor.js';
import { listOrders } from './list-order.js';
import type { z } from 'zod';
import type { listTasksInputSchema } from './schema.js';
import { type TaskRow, tasks } from './table.js';
import { timestampText } from '../../db/timestamp-text.js';

/** The columns a task is selected with: every one but the search vector. */
export const taskColumns = {
  id: tasks.id,
  ownerId: tasks.ownerId,
  title: tasks.title,
  description: tasks.description,
  status: tasks.status,
  priority: tasks.priority,
  dueDate: tasks.dueDate,
  tags: tasks.tags,
  completedAt: tasks.completedAt,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

export type TaskRecord = Omit<TaskRow, 'search'>;

/** A listed task's columns: its timestamps as Postgres writes them, since they only go out as text. */
const listColumns = {
  ...taskColumns,
  dueDate: timestampText<string | null>(tasks.dueDate),
  completedAt: timestampText<string | null>(tasks.completedAt),
  createdAt: timestampText(tasks.createdAt),
  updatedAt: timestampText(tasks.updatedAt),
};

type TimeFields = 'dueDate' | 'completedAt' | 'createdAt' | 'updatedAt';
/** A task row whose timestamps are `Time`s (a `Date` as drizzle maps them, or Postgres's text). */
export type TaskRecordWith<Time> = Omit<TaskRecord, TimeFields> & {
  dueDate: Time | null;
  completedAt: Time | null;
  createdAt: Time;
  updatedAt: Time;
};
/** A task as a page lists it (see `isoFromPostgres` for its timestamps). */
export type ListedTaskRecord = TaskRecordWith<string>;

type ListRequest = z.output<typeof listTasksInputSchema> & { ownerId: string };

/**
 * A page of the owner's tasks plus one (to learn whether another follows). The requests clients
 * send most (no date, text or tag filter; a cursor only in creation order) run as named prepared
 * statements: drizzle builds each shape's SQL once instead of on every call (about 0.3 ms of CPU),
 * and Postgres parses it once per connection. The others are built for the call.
 */
export function createListQuery(db: Database) {
  const prepared = new Map<string, ReturnType<typeof prepare>>();

  function prepare(sort: ListRequest['sort'], byStatus: boolean, after: boolean) {
    const conditions: SQL[] = [eq(tasks.ownerId, sql.placeholder('ownerId'))];
    if (byStatus) conditions.push(eq(tasks.status, sql.placeholder('status')));
    if (after) conditions.push(lt(tasks.id, sql.placeholder('after')));
    return db
      .select(listColumns)
      .from(tasks)
      .where(and(...conditions))
      .orderBy(...listOrders[sort].orderBy)
      .limit(sql.placeholder('rows'))
      .prepare(`list_tasks_${sort}${byStatus ? '_by_status' : ''}${after ? '_after' : ''}`);
  }

  function plain({ ownerId, status, sort, limit, cursor }: ListRequest): Promise<ListedTaskRecord[]> {
    const byStatus = status !== 'all';
    const after = cursor ? cursorPosition(cursor) : undefined;
    const key = `${sort}:${byStatus}:${after !== undefined}`;
    let statement = prepared.get(key);
    if (!statement) {
      statement = prepare(sort, byStatus, after !== undefined);
      prepared.set(key, statement);
    }
    return statement.execute({ ownerId, status, after, rows: limit + 1 });
  }

  function filtered(request: ListRequest): Promise<ListedTaskRecord[]> {
    const { ownerId, status, due_before, due_after, q, tag, sort, limit, cursor } = request;
    const order = listOrders[sort];
    const conditions: SQL[] = [eq(tasks.ownerId, ownerId)];
    if (status !== 'all') conditions.push(eq(tasks.status, status));
    if (due_before) conditions.push(lt(tasks.dueDate, new Date(due_before)));
    if (due_after) conditions.push(gte(tasks.dueDate, new Date(due_after)));
    if (q) conditions.push(sql`${tasks.search} @@ websearch_to_tsquery('simple', ${q})`);
    if (tag) conditions.push(arrayContains(tasks.tags, [tag]));
    if (cursor) conditions.push(order.after(cursor));
    return db
      .select(listColumns)
      .from(tasks)
      .where(and(...conditions))
      .orderBy(...order.orderBy)
      .limit(limit + 1);
  }

  return (request: ListRequest): Promise<ListedTaskRecord[]> => {
    const { due_before, due_after, q, tag, sort, cursor } = request;
    const isPlain = !due_before && !due_after && !q && !tag && (!cursor || sort === 'created');
    return isPlain ? plain(request) : filtered(request);
  };
}
