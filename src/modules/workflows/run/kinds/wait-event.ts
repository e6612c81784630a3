import type { StepKindRunner } from '../step-kind.js';

/**
 * Waits for a bus event of the run's owner matching a type pattern and filter, or its timeout; gives
 * the event. (To be built: the approvals part of issue 18.)
 */
export const runWaitEventStep: StepKindRunner<'wait_event'> = async () => {
  throw new Error('wait_event steps are not built yet');
};
