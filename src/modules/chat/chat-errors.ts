import { APICallError, RetryError } from 'ai';
import { DomainError } from '../../errors.js';
import { type FailureContext, type PublicError, publicError } from '../../public-error.js';

/**
 * Why a reply failed, in words for the user and with a stable code: the model server's own answer,
 * a model that cannot be reached, or — for anything unexpected — the reference of the request that
 * started the reply (publicError logs it once). Never a stack trace or a provider's raw internals
 * beyond its message.
 */
export function describeChatError(
  error: unknown,
  { logger, requestId }: Pick<FailureContext, 'logger' | 'requestId'>,
): PublicError {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (cause instanceof DomainError) return publicError(cause, { logger });
  if (APICallError.isInstance(cause)) {
    if (cause.statusCode === undefined) {
      return {
        code: 'MODEL_UNREACHABLE',
        message: `The model server could not be reached: ${cause.message}`,
      };
    }
    return {
      code: 'MODEL_ERROR',
      message: `The model server answered HTTP ${cause.statusCode}: ${cause.message}`.slice(0, 500),
    };
  }
  if (cause instanceof TypeError && /fetch failed/i.test(cause.message)) {
    return { code: 'MODEL_UNREACHABLE', message: 'The model server could not be reached' };
  }
  return publicError(error, { logger, requestId, what: 'The assistant failed' });
}
