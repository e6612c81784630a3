import type { z } from 'zod';
import type { ToolContext } from '../../../tools/tool.js';
import { detectionMethod, detectSensitive } from './detect-sensitive.js';
import { countByKind, detectionOptions } from './detection-options.js';
import type { detectSensitiveInfoInputSchema, detectSensitiveInfoOutputSchema } from './schema.js';

/** detect_sensitive_info: the findings, how many of each kind, and the method. */
export async function detectSensitiveInfo(
  input: z.output<typeof detectSensitiveInfoInputSchema>,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<z.input<typeof detectSensitiveInfoOutputSchema>> {
  const findings = await detectSensitive(input.text, detectionOptions(input, context));
  return { findings, counts: countByKind(findings), method: detectionMethod };
}
