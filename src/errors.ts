/**
 * The closed family of errors a service may throw on purpose. Each has a stable `code` that clients
 * rely on and a `kind` that the HTTP and MCP adapters map once. Anything else thrown is a bug.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'too_large' | 'unavailable';
  /** The input field at fault, when there is one. */
  readonly field?: string;

  constructor(message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.field !== undefined) this.field = options.field;
  }
}

/** The input does not have the shape or value the operation needs. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
  readonly kind = 'invalid';
}

/** A dependency (the database, a model) does not answer. */
export class ServiceUnavailableError extends DomainError {
  readonly code: string;
  readonly kind = 'unavailable';
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
