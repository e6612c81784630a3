import { DomainError } from '../errors.js';

/** The model asked for is not one an admin allowed (or not a model id at all). */
export class ModelNotAllowedError extends DomainError {
  readonly code = 'MODEL_NOT_ALLOWED';
  readonly kind = 'invalid';
  constructor(readonly modelId: string) {
    super(
      `Model ${JSON.stringify(modelId)} is not available here; GET /api/v1/models lists the ones that are`,
      {
        field: 'model',
      },
    );
  }
}
