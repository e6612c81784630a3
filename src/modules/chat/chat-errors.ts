import { APICallError, RetryError } from 'ai';
import { DomainError } from '../../errors.js';
import type { Logger } from '../../logger.js';

/**
 * Why a reply failed, in words for the user and with a stable code: the model server's own answer,
 * a model that cannot be reached, or — for anything unexpected — a reference to the server log.
 * Never a stack trace or a provider's raw internals beyond its message.
 */
export function describeChatError(error: unknown, logger: Logger): { code: string; message: string } {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (cause instanceof DomainError) return { code: cause.code, message: cause.message };
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
  const reference = Date.now().toString(36);
  logger.error({ err: error, reference }, 'the assistant failed');
  return { code: 'INTERNAL_ERROR', message: `The assistant failed on our side. Reference: ${reference}` };
}
