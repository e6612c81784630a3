import { DomainError } from '../errors.js';
import type { FeatureName } from './schema.js';

/** An admin switched this feature off for the instance (HTTP 403, an MCP tool error, a chat tool error). */
export class FeatureDisabledError extends DomainError {
  readonly code = 'FEATURE_DISABLED';
  readonly kind = 'forbidden';
  override readonly details: Record<string, unknown>;
  constructor(readonly feature: FeatureName) {
    super(`The feature "${feature}" is switched off on this instance`);
    this.details = { feature };
  }
}
