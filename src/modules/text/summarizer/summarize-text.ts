import type { z } from 'zod';
import type { ToolContext } from '../../../tools/tool.js';
import { keyTerms } from './key-terms.js';
import type { summarizeTextInputSchema, summarizeTextOutputSchema } from './schema.js';
import { summarySentenceCount } from './summary-length.js';
import { rankedSentences, topInTextOrder } from './summarize.js';

type Input = Omit<z.output<typeof summarizeTextInputSchema>, 'text' | 'url'>;

/**
 * A summary made of the text's own sentences, chosen by TextRank, at the requested length. Every
 * type is built from those sentences offline, and `method` says so: bullet points list them,
 * key insights order them by importance after the key terms, and an abstractive summary (which
 * needs a model) falls back to the extractive one.
 */
export async function summarizeText(
  text: string,
  input: Input,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<z.input<typeof summarizeTextOutputSchema>> {
  const { ranked, total } = await rankedSentences(text, context, input.focus);
  const count = summarySentenceCount({
    total,
    length: input.length,
    compressionRatio: input.compression_ratio,
  });
  const chosen = topInTextOrder(ranked, count);
  const terms = keyTerms(text, 8);
  let summary: string;
  let method = 'offline:textrank';
  switch (input.summary_type) {
    case 'extractive':
      summary = chosen.map((sentence) => sentence.text).join(' ');
      break;
    case 'abstractive':
      summary = chosen.map((sentence) => sentence.text).join(' ');
      method = 'offline:textrank (extractive; an abstractive summary needs a model)';
      break;
    case 'bullet_points':
      summary = chosen.map((sentence) => `- ${sentence.text}`).join('\n');
      method = 'offline:textrank (bullet points are the extracted sentences)';
      break;
    case 'key_insights':
      summary = [
        `Key terms: ${terms.join(', ')}.`,
        ...ranked.slice(0, count).map((sentence) => `- ${sentence.text}`),
      ].join('\n');
      method = 'offline:textrank+keywords (insights are the extracted sentences by importance)';
      break;
  }
  return {
    summary,
    summary_type: input.summary_type,
    sentences: chosen.map(({ text: sentence, start, end, score }) => ({ text: sentence, start, end, score })),
    key_terms: terms,
    original_sentence_count: total,
    summary_sentence_count: chosen.length,
    compression: text.length === 0 ? 1 : Math.min(1, summary.length / text.length),
    method,
  };
}
