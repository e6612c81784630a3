import { DomainError } from '../../errors.js';

/** A definition that cannot run: the message names the step, `field` the place (`steps[2].input.text`). */
export class WorkflowInvalidError extends DomainError {
  readonly code = 'WORKFLOW_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, field: string) {
    super(message, { field });
  }
}

export class WorkflowNotFoundError extends DomainError {
  readonly code = 'WORKFLOW_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly workflow: string) {
    super(`Workflow ${workflow} not found`);
  }
}

export class WorkflowVersionNotFoundError extends DomainError {
  readonly code = 'WORKFLOW_VERSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly version: number) {
    super(`Version ${version} of this workflow not found`, { field: 'version' });
  }
}

export class WorkflowNameTakenError extends DomainError {
  readonly code = 'WORKFLOW_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(readonly workflowName: string) {
    super(`You already have a workflow named "${workflowName}"`, { field: 'name' });
  }
}

export class WorkflowRunNotFoundError extends DomainError {
  readonly code = 'WORKFLOW_RUN_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly runId: string) {
    super(`Workflow run ${runId} not found`);
  }
}

/** Cancel, resume or retry asked of a run in a status that does not allow it (the message says which). */
export class RunStateConflictError extends DomainError {
  readonly code = 'RUN_STATE_CONFLICT';
  readonly kind = 'conflict';
}

/** The run input does not match the workflow's input_schema. */
export class RunInputInvalidError extends DomainError {
  readonly code = 'RUN_INPUT_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, field: string) {
    super(message, { field: field ? `input.${field}` : 'input' });
  }
}

export class ApprovalNotFoundError extends DomainError {
  readonly code = 'APPROVAL_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly approvalId: string) {
    super(`Approval ${approvalId} not found`);
  }
}

export class ApprovalAnsweredError extends DomainError {
  readonly code = 'APPROVAL_ALREADY_ANSWERED';
  readonly kind = 'conflict';
  constructor(readonly status: string) {
    super(`This approval is already ${status}`);
  }
}

/** Runs need the durable engine, which one-shot commands do not start. */
export class EngineUnavailableError extends DomainError {
  readonly code = 'ENGINE_UNAVAILABLE';
  readonly kind = 'unavailable';
  constructor() {
    super('Workflows run only in a server (switchboard serve): the durable engine is not running here');
  }
}

/**
 * A step that failed for good: the code says why (a tool's own error code, STEP_TIMEOUT,
 * EXPRESSION_FAILED, AGENT_STEPS_UNAVAILABLE, …). It fails the run unless the step's on_error says otherwise.
 */
export class StepFailedError extends DomainError {
  readonly kind = 'unprocessable';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An approval step whose `timeout_ms` passed with no answer: the step fails with this code. */
export class ApprovalExpiredError extends DomainError {
  readonly code = 'APPROVAL_EXPIRED';
  readonly kind = 'conflict';
  constructor(readonly approvalId: string) {
    super(`Approval ${approvalId} expired before anyone answered it`);
  }
}

/** A wait_event step whose `timeout_ms` passed before a matching event came. */
export class EventWaitTimeoutError extends DomainError {
  readonly code = 'EVENT_WAIT_TIMEOUT';
  readonly kind = 'unavailable';
  constructor(readonly pattern: string) {
    super(`No event matching ${pattern} came before the step's timeout`);
  }
}

export class WorkflowTemplateNotFoundError extends DomainError {
  readonly code = 'WORKFLOW_TEMPLATE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly templateId: string) {
    super(`There is no workflow template "${templateId}" (GET /api/v1/workflow-templates lists them)`);
  }
}

/**
 * A webhook call that does not start a run: an unknown workflow, one without a webhook trigger or
 * secret, or a signature that does not hold — one answer for all, so a caller learns nothing.
 */
export class WebhookSignatureInvalidError extends DomainError {
  readonly code = 'WEBHOOK_SIGNATURE_INVALID';
  readonly kind = 'unauthenticated';
  constructor() {
    super(
      'The X-Switchboard-Signature header is missing or does not sign this body with the workflow’s webhook secret',
    );
  }
}
