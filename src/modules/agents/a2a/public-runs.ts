import { DomainError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { hideInternalError, internalErrorMessage } from '../../../public-error.js';
import type { AgentRunsPort } from './runs-port.js';

/**
 * The runs service as the A2A SDK may see it fail: the SDK puts an error's message in the task's
 * failure and the JSON-RPC error, so anything but a domain error is logged and replaced by the
 * generic message with its reference (never a database's words).
 */
export function publicRuns(runs: AgentRunsPort, logger: Logger): AgentRunsPort {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new Error(
        internalErrorMessage(hideInternalError(error, { logger, what: 'The agent run failed' })),
      );
    }
  };
  return {
    start: (actor, agent, input) => guard(() => runs.start(actor, agent, input)),
    wait: (actor, runId, options) => guard(() => runs.wait(actor, runId, options)),
    get: (actor, runId) => guard(() => runs.get(actor, runId)),
    cancel: (actor, runId) => guard(() => runs.cancel(actor, runId)),
    ...(runs.follow ? { follow: runs.follow.bind(runs) } : {}),
  };
}
