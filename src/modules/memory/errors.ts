import { DomainError } from '../../errors.js';

/** The memory does not exist, or belongs to someone else (which is not revealed). */
export class MemoryNotFoundError extends DomainError {
  readonly code = 'MEMORY_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly memoryId: string) {
    super(`Memory ${memoryId} not found`, { field: 'memory_id' });
  }
}

/** An agent's or team's memory was asked for without saying which agent or team. */
export class MemoryScopeIdRequiredError extends DomainError {
  readonly code = 'MEMORY_SCOPE_ID_REQUIRED';
  readonly kind = 'invalid';
  constructor(scope: string) {
    super(`A ${scope} memory needs scope_id: the ${scope}'s id`, { field: 'scope_id' });
  }
}
