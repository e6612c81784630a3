/**
 * The closed family of errors a service may throw on purpose. Each has a stable `code` that clients
 * rely on and a `kind` that the HTTP and MCP adapters map once. Anything else thrown is a bug.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind:
    | 'invalid'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'too_large'
    | 'unprocessable'
    | 'rate_limited'
    | 'unavailable';
  /** The input field at fault, when there is one. */
  readonly field?: string;
  /** More the caller may see, added to the error body (a conflict's current value). Snake_case keys. */
  readonly details?: Record<string, unknown>;

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

/** No valid credentials came with the request (HTTP 401). */
export class UnauthenticatedError extends DomainError {
  readonly code: string;
  readonly kind = 'unauthenticated';
  constructor(
    code = 'UNAUTHENTICATED',
    message = 'Sign in, or send an API key as "Authorization: Bearer <key>"',
  ) {
    super(message);
    this.code = code;
  }
}

/** The caller is known but may not do this (HTTP 403). Never used to hide another user's data: that is not found. */
export class ForbiddenError extends DomainError {
  readonly code: string;
  readonly kind = 'forbidden';
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Too many attempts; `retryAfterSeconds` says when to try again (HTTP 429 with Retry-After). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly kind = 'rate_limited';
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
  ) {
    super(message);
  }
}
