import { DomainError } from '../../errors.js';

export class PromptNotFoundError extends DomainError {
  readonly code = 'PROMPT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly promptId: string) {
    super(`Prompt ${promptId} not found`);
  }
}

export class PromptVersionNotFoundError extends DomainError {
  readonly code = 'PROMPT_VERSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly version: number) {
    super(`Version ${version} of this prompt not found`, { field: 'version' });
  }
}

export class PromptNameTakenError extends DomainError {
  readonly code = 'PROMPT_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(readonly promptName: string) {
    super(`You already have a prompt named "${promptName}"`, { field: 'name' });
  }
}
