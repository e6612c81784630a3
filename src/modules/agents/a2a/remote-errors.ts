import { DomainError } from '../../../errors.js';

export class RemoteAgentNotFoundError extends DomainError {
  readonly code = 'A2A_AGENT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly remoteAgentId: string) {
    super(`External A2A agent ${remoteAgentId} not found`);
  }
}

export class RemoteAgentNameTakenError extends DomainError {
  readonly code = 'A2A_AGENT_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(readonly agentName: string) {
    super(`You already have an external agent named "${agentName}"`, { field: 'name' });
  }
}

/** The card could not be read, or names no JSON-RPC endpoint we can call. */
export class RemoteAgentCardError extends DomainError {
  readonly code = 'A2A_CARD_UNUSABLE';
  readonly kind = 'invalid';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { field: 'card_url', ...options });
  }
}
