import { Error as DBOSErrors } from '@dbos-inc/dbos-sdk';
import { DomainError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { publicError } from '../../../public-error.js';
import { ExpressionError } from '../expressions.js';

/** A step's failure as recorded: a stable code and a message for the workflow's author. */
export interface StepError {
  code: string;
  message: string;
}

/**
 * Whether an error is the step's own failure (to record, retry, continue or compensate) rather than
 * DBOS stopping the workflow (a cancel, a shutdown), which must go up untouched.
 */
export function isStepFailure(error: unknown): boolean {
  return error instanceof DomainError || error instanceof ExpressionError;
}

/** Whether DBOS is stopping this workflow: cancelled, or a child it awaited was. */
export function isCancellation(error: unknown): boolean {
  return (
    error instanceof DBOSErrors.DBOSWorkflowCancelledError ||
    error instanceof DBOSErrors.DBOSAwaitedWorkflowCancelledError
  );
}

/** The code and message of a failure; anything unexpected is logged once and recorded by its reference only. */
export function stepErrorOf(error: unknown, logger: Logger, path: string): StepError {
  if (error instanceof ExpressionError)
    return { code: 'EXPRESSION_FAILED', message: `${error.expression}: ${error.message}` };
  const { code, message } = publicError(error, {
    logger,
    what: 'The step failed',
    details: { step_path: path },
  });
  return { code, message };
}
