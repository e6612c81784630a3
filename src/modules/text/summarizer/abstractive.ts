import type { z } from 'zod';
import type { TextWriter } from '../../../models/text-writer.js';
import type { summarizeTextOutputSchema } from './schema.js';

type Summary = z.input<typeof summarizeTextOutputSchema>;

/**
 * An abstractive summary written by the default model, about as long as the extractive one and
 * leaning toward `focus`. Offline (no model) the extractive summary stands; when the model fails,
 * it stands too and `method` says why.
 */
export async function writeAbstract({
  extractive,
  text,
  focus,
  writer,
  signal,
}: {
  extractive: Summary;
  text: string;
  focus: string | undefined;
  writer: TextWriter | undefined;
  signal: AbortSignal;
}): Promise<Summary> {
  const sentences = Math.max(1, extractive.summary_sentence_count);
  const written = await writer?.write({
    instructions: [
      `Summarize the user's text in your own words, in about ${sentences} sentence${sentences === 1 ? '' : 's'}.`,
      focus ? `Give most room to: ${focus}.` : '',
      'Answer with the summary only, in the language of the text. Add nothing the text does not say.',
    ]
      .filter(Boolean)
      .join(' '),
    text,
    signal,
  });
  if (!written) return extractive;
  if ('failed' in written)
    return { ...extractive, method: `${extractive.method}; the model failed: ${written.failed}` };
  return {
    ...extractive,
    summary: written.text,
    compression: text.length === 0 ? 1 : Math.min(1, written.text.length / text.length),
    method: written.method,
  };
}
