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

/**
 * Whether DBOS is stopping this execution of the workflow: cancelled, a child it awaited was, or
 * the workflow is no longer this execution's (resumed or recovered elsewhere meanwhile). Such an
 * execution writes nothing more: the rows belong to whoever stopped it or took it over.
 */
export function isStopping(error: unknown): boolean {
  return (
    error instanceof DBOSErrors.DBOSWorkflowCancelledError ||
    error instanceof DBOSErrors.DBOSAwaitedWorkflowCancelledError ||
    error instanceof DBOSErrors.DBOSWorkflowConflictError
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
