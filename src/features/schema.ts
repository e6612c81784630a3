import { z } from 'zod';

/** The features an admin may switch off for the whole instance. */
export const featureNames = [
  'external_mcp_servers',
  'url_documents',
  'sign_up',
  'marketplace_publishing',
  'a2a',
  'outbound_webhooks',
] as const;
export const featureNameSchema = z.enum(featureNames);
export type FeatureName = z.infer<typeof featureNameSchema>;

/** Each feature and whether it is on. */
export const featureFlagsSchema = z.object(
  Object.fromEntries(featureNames.map((name) => [name, z.boolean()])) as Record<FeatureName, z.ZodBoolean>,
);
export type FeatureFlags = z.infer<typeof featureFlagsSchema>;

/** An admin's change: the features named are switched on or off; the others keep their state. */
export const updateFeatureFlagsInputSchema = featureFlagsSchema.partial().strict();
export type UpdateFeatureFlagsInput = z.infer<typeof updateFeatureFlagsInputSchema>;
