import { DomainError } from '../../errors.js';

/** The caller cancelled the call (MCP `notifications/cancelled`) while its text was being worked on. */
export class TextToolCancelledError extends DomainError {
  readonly code = 'CANCELLED';
  readonly kind = 'invalid';
  constructor() {
    super('The call was cancelled');
  }
}
