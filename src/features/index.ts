export { FeatureDisabledError } from './errors.js';
export { registerFeatureRoutes } from './routes.js';
export {
  type FeatureFlags,
  type FeatureName,
  featureNames,
  featureNameSchema,
  featureFlagsSchema,
} from './schema.js';
export {
  createFeatureFlags,
  type FeatureFlagService,
  type FeatureGate,
  featureFlagsTtlMs,
} from './service.js';
