import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import { InvalidInputError } from '../../../errors.js';
import type { ToolContext } from '../../../tools/tool.js';
import { compileCustomPatterns, type CustomPattern } from './detectors/custom-patterns.js';
import type { DetectSensitiveOptions } from './detect-sensitive.js';
import { kindsFor, type SensitiveKind } from './sensitive-kinds.js';

/** The detection arguments the anonymizer tools share, as the caller gives them. */
export interface DetectionArguments {
  readonly detection_types?: readonly string[] | undefined;
  readonly confidence_threshold: number;
  readonly phone_regions?: readonly string[] | undefined;
  readonly custom_patterns?: readonly (string | { name: string; pattern: string })[] | undefined;
}

/**
 * Turns tool arguments into detector options, refusing unknown phone regions and unsafe custom
 * patterns with the field named. `kinds` overrides `detection_types` (an anonymization level's kinds).
 */
export function detectionOptions(
  input: DetectionArguments,
  context: Pick<ToolContext, 'signal' | 'progress'>,
  kinds: ReadonlySet<SensitiveKind> = kindsFor(input.detection_types),
): DetectSensitiveOptions {
  const regions = input.phone_regions?.map((region, index) => {
    if (!isSupportedCountry(region))
      throw new InvalidInputError(`${region} is not a country with a known phone numbering plan`, {
        field: `phone_regions.${index}`,
      });
    return region as CountryCode;
  });
  const patterns: CustomPattern[] = (input.custom_patterns ?? []).map((pattern, index) =>
    typeof pattern === 'string' ? { name: `custom_${index + 1}`, pattern } : pattern,
  );
  return {
    kinds,
    confidenceThreshold: input.confidence_threshold,
    phoneRegions: regions,
    customPatterns: patterns.length > 0 ? { patterns, regexes: compileCustomPatterns(patterns) } : undefined,
    context,
  };
}

/** The kinds each anonymization level replaces. */
export const levelKinds: Record<'low' | 'medium' | 'high', ReadonlySet<SensitiveKind>> = {
  low: new Set(['email', 'phone', 'credit_card', 'iban', 'id_number', 'custom']),
  medium: new Set(['email', 'phone', 'credit_card', 'iban', 'id_number', 'custom', 'person', 'ip_address']),
  high: kindsFor(undefined),
};

/** How many findings of each kind. */
export function countByKind(
  items: readonly { type: SensitiveKind }[],
): Partial<Record<SensitiveKind, number>> {
  const counts: Partial<Record<SensitiveKind, number>> = {};
  for (const { type } of items) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
