import { and, asc, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { cursorPosition } from '../../db/cursor.js';
import { InvalidInputError } from '../../errors.js';
import { tasks } from './table.js';

/** How list_tasks orders: newest first (`created`), or soonest due first with undated tasks last (`due`). */
export type TaskOrder = 'created' | 'due';

interface DuePosition {
  due: string | null;
  id: string;
}

const invalidCursor = () =>
  new InvalidInputError('The cursor is not valid: pass back the next_cursor of a previous page', {
    field: 'cursor',
  });

/**
 * The ORDER BY, and the WHERE that starts after a cursor, of each order. Paging by due date is keyset
 * paging on (due date, id): the cursor holds both, so a page never repeats or skips a task that
 * shares its due date with the last one shown.
 */
export const listOrders = {
  created: {
    orderBy: [desc(tasks.id)],
    after: (cursor: string): SQL => lt(tasks.id, cursorPosition(cursor)),
    cursorOf: (task: { id: string }) => Buffer.from(JSON.stringify({ id: task.id })).toString('base64url'),
  },
  due: {
    orderBy: [sql`${tasks.dueDate} asc nulls last`, asc(tasks.id)],
    after(cursor: string): SQL {
      const { due, id } = readDuePosition(cursor);
      if (due === null) return and(isNull(tasks.dueDate), gt(tasks.id, id)) as SQL;
      const at = new Date(due);
      return or(
        gt(tasks.dueDate, at),
        and(eq(tasks.dueDate, at), gt(tasks.id, id)),
        isNull(tasks.dueDate),
      ) as SQL;
    },
    cursorOf: (task: { id: string; due_date: string | null }) =>
      Buffer.from(JSON.stringify({ due: task.due_date, id: task.id } satisfies DuePosition)).toString(
        'base64url',
      ),
  },
} as const;

function readDuePosition(cursor: string): DuePosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<DuePosition>;
    const dueValid =
      value.due === null || (typeof value.due === 'string' && !Number.isNaN(Date.parse(value.due)));
    if (typeof value.id === 'string' && dueValid) return { due: value.due ?? null, id: value.id };
  } catch {
    // the same error as a well-formed but foreign value
  }
  throw invalidCursor();
}
