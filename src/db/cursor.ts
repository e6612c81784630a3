import { InvalidInputError } from '../errors.js';

export { pageSize } from './page-size.js';

export interface Page<T> {
  readonly items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * Lists are ordered by id (UUIDv7, so by time) and paged by keyset: a cursor is the opaque
 * (base64url JSON) id of the last item shown, and the next page starts after it in list order.
 * Clients pass back what they were given and never build one.
 */
export function cursorPosition(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') return id;
  } catch {
    // fall through to the same error as a well-formed but foreign value
  }
  throw new InvalidInputError('The cursor is not valid: pass back the nextCursor of a previous page', {
    field: 'cursor',
  });
}

/** A page from rows fetched with `limit + 1`: the first `limit` items, and a cursor when more follow. */
export function pageFrom<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const more = rows.length > limit && last !== undefined;
  return {
    items: shown.map(toItem),
    nextCursor: more ? Buffer.from(JSON.stringify({ id: last.id })).toString('base64url') : null,
  };
}

/** The largest position an offset cursor may name (ranked lists only: deep pages cost a scan). */
const maxOffset = 100_000;

/**
 * Ranked lists (search results) have no stable key to page by, so their cursor is an opaque
 * position: `offsetCursor` makes one, `offsetPosition` reads it back.
 */
export function offsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function offsetPosition(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= maxOffset)
      return offset;
  } catch {
    // the same error as a well-formed but foreign value
  }
  throw new InvalidInputError('The cursor is not valid: pass back the nextCursor of a previous page', {
    field: 'cursor',
  });
}
