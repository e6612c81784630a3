import { DomainError } from '../../errors.js';

/** A reply is already being written in this conversation; one at a time. */
export class ChatBusyError extends DomainError {
  readonly code = 'CHAT_BUSY';
  readonly kind = 'conflict';
  constructor(readonly conversationId: string) {
    super('The assistant is still answering in this conversation; stop it or wait for it to finish');
  }
}

/** An approval names no tool call that is waiting for one. */
export class NothingToApproveError extends DomainError {
  readonly code = 'NOTHING_TO_APPROVE';
  readonly kind = 'conflict';
  constructor(readonly approvalId: string) {
    super(`No tool call in this conversation is waiting for approval ${approvalId}`, { field: 'approvals' });
  }
}

/** Regenerate named a message that is not an assistant reply with a message before it. */
export class CannotRegenerateError extends DomainError {
  readonly code = 'CANNOT_REGENERATE';
  readonly kind = 'invalid';
  constructor(readonly messageId: string) {
    super(`Message ${messageId} is not an assistant reply that can be written again`, {
      field: 'regenerate',
    });
  }
}
