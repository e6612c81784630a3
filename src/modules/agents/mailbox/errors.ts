import { DomainError } from '../../../errors.js';

/** The message does not exist or is another user's (which is not revealed). */
export class AgentMessageNotFoundError extends DomainError {
  readonly code = 'AGENT_MESSAGE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly messageId: string) {
    super(`Message ${messageId} not found`, { field: 'message_id' });
  }
}

/** An acknowledgement of a message that is not out with a receiver (its lease ran out, or it is dead). */
export class AgentMessageNotDeliveredError extends DomainError {
  readonly code = 'AGENT_MESSAGE_NOT_DELIVERED';
  readonly kind = 'conflict';
  constructor(readonly status: string) {
    super(
      status === 'pending'
        ? 'This message is not out with a receiver (its lease ran out): receive it again'
        : `This message is ${status}`,
    );
  }
}

/** A replay of a message that is not in the dead letters. */
export class AgentMessageNotDeadError extends DomainError {
  readonly code = 'AGENT_MESSAGE_NOT_DEAD';
  readonly kind = 'conflict';
  constructor(readonly status: string) {
    super(`Only a dead letter can be replayed; this message is ${status}`);
  }
}

/** The payload does not fit the receiving capability's input_schema, or is too large. */
export class AgentMessagePayloadError extends DomainError {
  readonly code = 'AGENT_MESSAGE_PAYLOAD_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, field = 'payload') {
    super(message, { field });
  }
}

/** Messages are timed by the durable engine, which one-shot commands do not start. */
export class MailboxUnavailableError extends DomainError {
  readonly code = 'ENGINE_UNAVAILABLE';
  readonly kind = 'unavailable';
  constructor() {
    super(
      'Messages between agents need a server (switchboard serve): the durable engine is not running here',
    );
  }
}
