import { InvalidInputError } from '../../../errors.js';
import type { ToolContext } from '../../../tools/tool.js';
import { type Sentence, splitSentences } from '../sentences/split-sentences.js';
import { rankSentences } from './rank-sentences.js';

/** A sentence of the text with its TextRank score. */
export interface RankedSentence extends Sentence {
  readonly index: number;
  readonly score: number;
}

/**
 * The text's sentences with their TextRank scores, best first. Reports progress, stops when
 * cancelled, and refuses a text without a sentence.
 */
export async function rankedSentences(
  text: string,
  context: Pick<ToolContext, 'signal' | 'progress'>,
  focus?: string,
): Promise<{ ranked: RankedSentence[]; total: number }> {
  const sentences = splitSentences(text);
  if (sentences.length === 0)
    throw new InvalidInputError('The text has no sentences to summarize', { field: 'text' });
  const scores = await rankSentences({
    sentences,
    focus,
    onBlock: async (done, total) => {
      context.signal.throwIfAborted();
      await context.progress(done, total, 'Ranking sentences');
    },
  });
  const ranked = sentences
    .map((sentence, index) => ({ ...sentence, index, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return { ranked, total: sentences.length };
}

/** The best `count` sentences, back in the order of the text. */
export function topInTextOrder(ranked: readonly RankedSentence[], count: number): RankedSentence[] {
  return ranked.slice(0, count).sort((a, b) => a.index - b.index);
}
