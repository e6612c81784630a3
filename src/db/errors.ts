import { ServiceUnavailableError } from '../errors.js';

/**
 * True when a database error (or one it caused) is a unique-key violation (SQLSTATE 23505), of the
 * named constraint or index when one is given.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, constraint: violated } = current as { code?: string; constraint?: string };
    if (code === '23505') return constraint === undefined || violated === constraint;
  }
  return false;
}

/** pg-pool's error when no connection frees up within `connectionTimeoutMillis` (it has no code). */
const poolWaitTimedOut = 'timeout exceeded when trying to connect';

/**
 * A database error that is a burst, not a bug: every pooled connection stayed in use for the whole
 * wait. Answered 503 DATABASE_BUSY (not a logged 500). What failed may have come after a commit
 * of the same request (a task stored, then its event), so only a caller whose request changed
 * nothing (`changedNothing`: a read) is told to simply try again.
 */
export function databaseBusyError(
  error: unknown,
  { changedNothing }: { changedNothing: boolean },
): ServiceUnavailableError | undefined {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 8;
    current = current.cause, depth++
  ) {
    if (current.message === poolWaitTimedOut) {
      const message = changedNothing
        ? 'The server is busy: every database connection stayed in use. Try again in a moment.'
        : 'The server is busy: every database connection stayed in use, and part of this request may have been saved. Check before trying again.';
      return new ServiceUnavailableError('DATABASE_BUSY', message, { cause: error });
    }
  }
  return undefined;
}
