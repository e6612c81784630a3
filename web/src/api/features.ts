import type { FeatureFlags, FeatureName } from '@server/features/schema';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type { FeatureFlags, FeatureName };

export const featuresKey = ['features'] as const;

/** Which features an admin left on for this instance (GET /api/v1/features, public). */
export function useFeatures() {
  return useQuery({
    queryKey: featuresKey,
    queryFn: () => api<FeatureFlags>('/api/v1/features'),
    staleTime: 30_000,
  });
}

/**
 * Whether to show what belongs to a feature: hidden once the server says it is off. While the
 * answer is on its way it counts as on (the server refuses a switched-off feature anyway).
 */
export function useFeature(name: FeatureName): boolean {
  return useFeatures().data?.[name] ?? true;
}
