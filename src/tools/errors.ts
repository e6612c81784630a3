import { DomainError } from '../errors.js';

export class ToolNotFoundError extends DomainError {
  readonly code = 'TOOL_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly toolName: string) {
    super(`There is no tool named "${toolName}"`);
  }
}
