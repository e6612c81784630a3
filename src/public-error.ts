import { databaseBusyError } from './db/errors.js';
import { DomainError } from './errors.js';
import { newId } from './ids.js';

/** What a caller may see of a failure: a stable code, a message for people, the field at fault. */
export interface PublicError {
  code: string;
  message: string;
  field?: string;
}

/** Where an unexpected failure happened, for the log and the reference. */
export interface FailureContext {
  /** Any pino logger: the app's, or a request's (whose lines carry the request id). */
  logger: { error(details: object, message: string): void };
  /** The request it happened in; its id is the reference (it is in every log line of the request). */
  requestId?: string | undefined;
  /** What failed, as the caller reads it: "The tool failed", "The assistant failed". */
  what?: string;
  /** More to log beside the error (never user content). */
  details?: Record<string, unknown>;
}

/**
 * Logs an unexpected failure once, in full, and returns the reference a caller may quote: the
 * request id where there is a request, otherwise a new id of the same kind (a UUIDv7).
 */
export function hideInternalError(error: unknown, { logger, requestId, details }: FailureContext): string {
  const reference = requestId ?? newId();
  logger.error({ ...details, err: error, reference }, 'internal error');
  return reference;
}

/** The message an internal failure answers with: what failed and the reference, nothing more. */
export function internalErrorMessage(reference: string, what = 'Something went wrong'): string {
  return `${what} on our side. Reference: ${reference}`;
}

/** A DomainError as a caller sees it: its code, message and field, all meant for them. */
export function fromDomainError(error: DomainError): PublicError {
  return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
}

/**
 * The one mapping from a thrown error to what a caller may see, on every surface: a DomainError's
 * code, message and field as they are (a busy database's pool timeout counts as one); anything else logged once (hideInternalError) and answered
 * INTERNAL_ERROR with its reference only — never its message, which may hold SQL or user content.
 */
export function publicError(error: unknown, context: FailureContext): PublicError {
  const known = error instanceof DomainError ? error : databaseBusyError(error, { changedNothing: false });
  if (known) return fromDomainError(known);
  const reference = hideInternalError(error, context);
  return { code: 'INTERNAL_ERROR', message: internalErrorMessage(reference, context.what) };
}
