import { InvalidInputError } from '../errors.js';

/**
 * Opaque pagination cursors: clients pass back what they were given and never build one. The
 * content is a small JSON value, base64url-encoded.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads a cursor; anything that is not one of ours is INVALID_INPUT on the `cursor` field. */
export function decodeCursor<T>(cursor: string, isPosition: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isPosition(value)) return value;
  } catch {
    // fall through to the same error as a well-formed but foreign value
  }
  throw new InvalidInputError('The cursor is not valid: pass back the nextCursor of a previous page', {
    field: 'cursor',
  });
}

/** Page size bounds shared by every list: 1–100, 20 when not given. */
export const pageSize = { min: 1, max: 100, default: 20 } as const;

export interface Page<T> {
  readonly items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}
