import type { TextWriter } from '../../../models/text-writer.js';
import type { SentimentLabel } from './analyze-sentiment.js';
import type { SentimentTransformReport } from './transform-sentiment.js';

/**
 * The text rewritten toward `target` by the default model, meaning kept. Offline (no model) the
 * offline report stands; when the model fails, it stands too and the message says why.
 */
export async function rewriteTone({
  text,
  target,
  report,
  writer,
  signal,
}: {
  text: string;
  target: SentimentLabel;
  report: SentimentTransformReport;
  writer: TextWriter | undefined;
  signal: AbortSignal;
}): Promise<{ method?: string; transformed_text: string | null; changed: boolean; message: string }> {
  if (report.already_matches) return report;
  const written = await writer?.write({
    instructions: `Rewrite the user's text so that its tone is ${target}. Keep its meaning, facts, language and rough length. Answer with the rewritten text only.`,
    text,
    signal,
  });
  if (!written) return report;
  if ('failed' in written)
    return { ...report, message: `${report.message} (The model failed: ${written.failed}.)` };
  return {
    method: written.method,
    transformed_text: written.text,
    changed: written.text !== text,
    message: `Rewritten to read as ${target}.`,
  };
}
