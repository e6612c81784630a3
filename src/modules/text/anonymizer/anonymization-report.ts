import type { z } from 'zod';
import type { ToolContext } from '../../../tools/tool.js';
import { detectionMethod, detectSensitive } from './detect-sensitive.js';
import { countByKind, detectionOptions } from './detection-options.js';
import type {
  createAnonymizationReportInputSchema,
  createAnonymizationReportOutputSchema,
} from './schema.js';
import { directIdentifiers } from './sensitive-kinds.js';

/**
 * Compares a text with its anonymized version: finds the sensitive items of the original, and for
 * each says whether it is gone or still in the anonymized text (where, exactly). The risk is high
 * when a direct identifier (a name, an email, a number) remains, medium when only
 * quasi-identifiers (dates, places, organisations, URLs) remain, low when nothing found remains.
 */
export async function createAnonymizationReport(
  input: z.output<typeof createAnonymizationReportInputSchema>,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<z.input<typeof createAnonymizationReportOutputSchema>> {
  const findings = await detectSensitive(input.original_text, detectionOptions(input, context));
  const removed: { type: (typeof findings)[number]['type']; start: number; end: number }[] = [];
  const remaining: ((typeof removed)[number] & { value: string })[] = [];
  for (const finding of findings) {
    const places = occurrences(input.anonymized_text, finding.value);
    if (places.length === 0) removed.push({ type: finding.type, start: finding.start, end: finding.end });
    else
      for (const start of places)
        remaining.push({
          type: finding.type,
          start,
          end: start + finding.value.length,
          value: finding.value,
        });
  }
  const leakedKinds = new Set(remaining.map((item) => item.type));
  const risk = [...leakedKinds].some((kind) => directIdentifiers.has(kind))
    ? 'high'
    : leakedKinds.size > 0
      ? 'medium'
      : 'low';
  const unique = new Set(remaining.map((item) => `${item.type}\u0000${item.value}`)).size;
  const verdict =
    risk === 'low'
      ? `None of the ${findings.length} sensitive items found in the original is left.`
      : `${unique} of the ${findings.length} sensitive items found in the original ${unique === 1 ? 'is' : 'are'} still in the anonymized text (${[...leakedKinds].join(', ')}).`;
  return {
    risk,
    verdict,
    found_in_original: countByKind(findings),
    removed,
    remaining: remaining.sort((a, b) => a.start - b.start),
    removal_rate: findings.length === 0 ? 1 : removed.length / findings.length,
    method: detectionMethod,
  };
}

/** Where a value appears as a whole word (not inside a longer word or number). */
function occurrences(text: string, value: string): number[] {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].map(
    (match) => match.index,
  );
}
