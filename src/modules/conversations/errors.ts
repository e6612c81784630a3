import { DomainError } from '../../errors.js';

/** The conversation does not exist, or belongs to someone else (which is not revealed). */
export class ConversationNotFoundError extends DomainError {
  readonly code = 'CONVERSATION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} not found`, { field: 'conversation_id' });
  }
}

/** The message does not exist, belongs to someone else, or (as a parent) to another conversation. */
export class MessageNotFoundError extends DomainError {
  readonly code = 'MESSAGE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(
    readonly messageId: string,
    field = 'message_id',
  ) {
    super(`Message ${messageId} not found`, { field });
  }
}

/** A message's parts are larger than one message may hold. */
export class MessageTooLargeError extends DomainError {
  readonly code = 'MESSAGE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor(readonly limit: number) {
    super(`A message's parts may hold up to ${limit} bytes of JSON`, { field: 'parts' });
  }
}

/** An import file is neither a Switchboard export nor a ChatGPT export, or breaks their rules. */
export class ImportInvalidError extends DomainError {
  readonly code = 'IMPORT_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options);
  }
}
