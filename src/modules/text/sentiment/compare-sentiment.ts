import { TextToolCancelledError } from '../errors.js';
import type { ChunkContext } from '../work-in-chunks.js';
import { analyzeSentiment, type SentimentAnalysis } from './analyze-sentiment.js';

export interface LabelledSentiment {
  label: string;
  analysis: SentimentAnalysis;
}

export interface SentimentComparison {
  items: LabelledSentiment[];
  /** Labels from the most positive text to the most negative, by comparative score. */
  ranking: string[];
  most_positive: string;
  most_negative: string;
  average_comparative: number;
  /** Highest comparative minus lowest. */
  spread: number;
}

/**
 * Scores several texts alike and ranks them by comparative score (score per token), so a long
 * text does not win by length alone. Reports progress text by text and stops when cancelled.
 */
export async function compareSentiment({
  texts,
  labels,
  context,
}: {
  texts: readonly string[];
  labels: readonly string[];
  context: ChunkContext;
}): Promise<SentimentComparison> {
  const items: LabelledSentiment[] = [];
  for (const [index, text] of texts.entries()) {
    if (context.signal.aborted) throw new TextToolCancelledError();
    const quiet = { signal: context.signal, progress: async () => {} };
    items.push({
      label: labels[index] ?? `Text ${index + 1}`,
      analysis: await analyzeSentiment({ text, context: quiet }),
    });
    await context.progress(index + 1, texts.length);
  }
  const ranked = [...items].sort((left, right) => right.analysis.comparative - left.analysis.comparative);
  const comparatives = ranked.map((item) => item.analysis.comparative);
  return {
    items,
    ranking: ranked.map((item) => item.label),
    most_positive: ranked[0]?.label ?? '',
    most_negative: ranked.at(-1)?.label ?? '',
    average_comparative: comparatives.reduce((sum, value) => sum + value, 0) / comparatives.length,
    spread: (comparatives[0] ?? 0) - (comparatives.at(-1) ?? 0),
  };
}
