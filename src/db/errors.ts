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
 * wait. Answered 503 DATABASE_BUSY with a Retry-After (not a logged 500), so a client knows to retry.
 */
export function databaseBusyError(error: unknown): ServiceUnavailableError | undefined {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 8;
    current = current.cause, depth++
  ) {
    if (current.message === poolWaitTimedOut) {
      return new ServiceUnavailableError(
        'DATABASE_BUSY',
        'The server is busy: every database connection stayed in use. Try again in a moment.',
        { cause: error },
      );
    }
  }
  return undefined;
}
