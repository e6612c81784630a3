import type { z } from 'zod';
import type { ToolContext } from '../../../tools/tool.js';
import { detectionMethod, detectSensitive } from './detect-sensitive.js';
import { countByKind, detectionOptions, levelKinds } from './detection-options.js';
import { seedOf } from './fake-values.js';
import { createPseudonyms } from './pseudonyms.js';
import { replaceFindings, type Replacement } from './replace-findings.js';
import type {
  anonymizeTextInputSchema,
  anonymizeTextOutputSchema,
  smartAnonymizeInputSchema,
  smartAnonymizeOutputSchema,
} from './schema.js';
import { kindsFor } from './sensitive-kinds.js';
import type { Finding } from './finding.js';

type Context = Pick<ToolContext, 'signal' | 'progress'>;

/** Finds the sensitive items of the level (or of `detection_types`) and replaces each by the strategy. */
export async function anonymizeText(
  input: z.output<typeof anonymizeTextInputSchema>,
  context: Context,
): Promise<z.input<typeof anonymizeTextOutputSchema>> {
  const kinds = input.detection_types?.length
    ? kindsFor(input.detection_types)
    : levelKinds[input.anonymization_level];
  const findings = await detectSensitive(input.text, detectionOptions(input, context, kinds));
  const { text, replacements } = replaceFindings(input.text, findings, {
    strategy: input.replacement_strategy,
    preserveStructure: input.preserve_structure,
    hashSalt: input.hash_salt,
  });
  return {
    anonymized_text: text,
    replacements: withOriginals(input.text, replacements, input.include_originals),
    counts: countByKind(findings),
    strategy: input.replacement_strategy,
    method: `${detectionMethod}; replaced by ${input.replacement_strategy}`,
  };
}

/**
 * Anonymizes every kind with pseudonyms that keep the text readable and consistent (see
 * createPseudonyms); with preserve_meaning off, with placeholders instead.
 */
export async function smartAnonymize(
  input: z.output<typeof smartAnonymizeInputSchema>,
  context: Context,
): Promise<z.input<typeof smartAnonymizeOutputSchema>> {
  const findings: Finding[] = await detectSensitive(
    input.text,
    detectionOptions(input, context, kindsFor(undefined)),
  );
  // A shift of 30 to 364 days either way, the same for the same text (the tools are pure functions).
  const days = 30 + (seedOf(input.text) % 335);
  const shiftDays = seedOf(`sign\u0000${input.text}`) % 2 === 0 ? days : -days;
  const pseudonym = createPseudonyms(findings, { shiftDays });
  const { text, replacements } = replaceFindings(input.text, findings, {
    strategy: 'placeholder',
    preserveStructure: false,
    chosen: input.preserve_meaning ? pseudonym : undefined,
  });
  const notes = [
    input.preserve_meaning
      ? 'Each name part has one pseudonym throughout; emails made of a name follow the pseudonym; dates are all moved by the same number of days.'
      : 'Items are replaced by numbered placeholders.',
  ];
  if (input.context)
    notes.push('The context is used by a model-backed method; this offline method treats every text alike.');
  return {
    anonymized_text: text,
    replacements: withOriginals(input.text, replacements, input.include_originals),
    counts: countByKind(findings),
    notes,
    method: `${detectionMethod}; ${input.preserve_meaning ? 'offline:consistent-pseudonyms' : 'offline:placeholders'}`,
  };
}

function withOriginals(text: string, replacements: Replacement[], include: boolean) {
  return include
    ? replacements.map((replacement) => ({
        ...replacement,
        original: text.slice(replacement.start, replacement.end),
      }))
    : replacements;
}
