import { DomainError } from '../../../errors.js';

/** The coordination does not exist or is another user's (which is not revealed). */
export class CoordinationNotFoundError extends DomainError {
  readonly code = 'AGENT_COORDINATION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly coordinationId: string) {
    super(`Coordination ${coordinationId} not found`, { field: 'id' });
  }
}
