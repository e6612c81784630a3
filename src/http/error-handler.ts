import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { databaseBusyError } from '../db/errors.js';
import { DomainError, RateLimitedError } from '../errors.js';
import { hideInternalError, internalErrorMessage } from '../public-error.js';
import { errorBody } from './error-body.js';

const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Fastify's own client errors, renamed to our stable codes. */
const fastifyCodes: Record<string, { code: string; message?: (error: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'INVALID_JSON',
    message: (error) => `The body is not valid JSON: ${error.message}`,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'INVALID_JSON',
    message: () => 'The body is empty but the content type says JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_CONTENT_LENGTH' },
};

/**
 * The one mapping from a thrown error to an HTTP answer. Domain errors and client mistakes say what
 * is wrong; anything else is a bug: logged in full, answered with a request id and nothing more.
 */
export function createErrorHandler({ bodyLimit }: { bodyLimit: number }) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const [first] = error.validation;
      const field = fieldName(first?.instancePath, error.validationContext);
      const message = `${field}: ${first?.message ?? 'is not valid'}`;
      return reply.status(400).send(errorBody('INVALID_INPUT', message, request.id, field));
    }
    if (error instanceof ZodError) {
      const [issue] = error.issues;
      const field = issue?.path.join('.') || 'body';
      return reply
        .status(400)
        .send(errorBody('INVALID_INPUT', `${field}: ${issue?.message ?? 'is not valid'}`, request.id, field));
    }
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    const changedNothing = request.method === 'GET' || request.method === 'HEAD';
    const busy = databaseBusyError(error, { changedNothing });
    if (busy && changedNothing) reply.header('retry-after', '1');
    const known = error instanceof DomainError ? error : busy;
    if (known) {
      return reply
        .status(statusByKind[known.kind])
        .send(errorBody(known.code, known.message, request.id, known.field, known.details));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = fastifyCodes[error.code];
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The request body is larger than the limit of ${request.routeOptions.bodyLimit ?? bodyLimit} bytes`
          : (known?.message?.(error) ?? error.message);
      return reply.status(status).send(errorBody(known?.code ?? 'BAD_REQUEST', message, request.id));
    }
    const reference = hideInternalError(error, { logger: request.log, requestId: request.id });
    return reply.status(500).send(errorBody('INTERNAL_ERROR', internalErrorMessage(reference), request.id));
  };
}

/** `/items/0/title` in the body → `items.0.title`; an empty path names the whole part (`body`). */
function fieldName(instancePath: string | undefined, context: string | undefined): string {
  const path = (instancePath ?? '').split('/').filter(Boolean).join('.');
  return path || context || 'body';
}
