import type { Sentence } from '../sentences/split-sentences.js';
import { contentTerms } from './content-terms.js';
import { pageRank, type WeightedGraph } from './page-rank.js';
import { salienceWeights } from './salience.js';

/** Above this many sentences, the graph is built block by block (it grows with the square). */
const blockSize = 1000;

/**
 * TextRank sentence scores (Mihalcea & Tarau 2004): sentences are nodes, joined by their content
 * overlap |Si ∩ Sj| / (log|Si| + log|Sj|) over stemmed content words, ranked by weighted
 * PageRank. With focus words, the random jump favours sentences that contain them
 * (topic-sensitive PageRank), so the summary leans toward the focus without leaving the text's
 * main thread. Each score is then weighed by the sentence's salience (a decision, a figure, the
 * title's words: see salience.ts), so the main point is not dropped for the most typical sentence.
 * A text of more than 1000 sentences is ranked per block of 1000, and the best of
 * each block again together. `onBlock` reports progress and may throw to cancel.
 */
export async function rankSentences({
  sentences,
  focus,
  onBlock = async () => {},
}: {
  sentences: readonly Sentence[];
  focus?: string | undefined;
  onBlock?: (done: number, total: number) => Promise<void>;
}): Promise<number[]> {
  const stems = sentences.map((sentence) => contentTerms(sentence.text).map((term) => term.stem));
  const focusStems = new Set(contentTerms(focus ?? '').map((term) => term.stem));
  const weights = salienceWeights(sentences);
  const rank = (indices: readonly number[]) =>
    textRank(
      indices.map((index) => stems[index] ?? []),
      focusStems,
    ).map((score, position) => score * (weights[indices[position] ?? 0] ?? 1));
  if (sentences.length <= blockSize) {
    const scores = rank(sentences.map((_, index) => index));
    await onBlock(1, 1);
    return scores;
  }
  const blocks = Math.ceil(sentences.length / blockSize);
  const scores = new Array<number>(sentences.length).fill(0);
  const finalists: number[] = [];
  for (let block = 0; block < blocks; block++) {
    const indices = Array.from(
      { length: Math.min(blockSize, sentences.length - block * blockSize) },
      (_, offset) => block * blockSize + offset,
    );
    const blockScores = rank(indices);
    // Outside the final round a sentence keeps a small score in its block's order.
    indices.forEach((index, position) => (scores[index] = (blockScores[position] ?? 0) / sentences.length));
    const best = [...indices.keys()].sort((a, b) => (blockScores[b] ?? 0) - (blockScores[a] ?? 0));
    finalists.push(
      ...best.slice(0, Math.ceil(indices.length / 10)).map((position) => indices[position] ?? 0),
    );
    await onBlock(block + 1, blocks + 1);
  }
  const finalScores = rank(finalists);
  finalists.forEach((index, position) => (scores[index] = 1 + (finalScores[position] ?? 0)));
  await onBlock(blocks + 1, blocks + 1);
  return scores;
}

/** Scores for sentences given as stem lists (TextRank with the optional focus jump). */
function textRank(sentenceStems: readonly (readonly string[])[], focusStems: ReadonlySet<string>): number[] {
  const sets = sentenceStems.map((stems) => new Set(stems));
  const postings = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const stem of set) {
      const list = postings.get(stem);
      if (list) list.push(index);
      else postings.set(stem, [index]);
    }
  });
  const graph: [number, number][][] = sets.map(() => []);
  sets.forEach((set, index) => {
    const overlaps = new Map<number, number>();
    for (const stem of set)
      for (const other of postings.get(stem) ?? [])
        if (other !== index) overlaps.set(other, (overlaps.get(other) ?? 0) + 1);
    for (const [other, overlap] of overlaps) {
      const norm = Math.log(sentenceStems[index]?.length ?? 1) + Math.log(sentenceStems[other]?.length ?? 1);
      // Two one-word sentences have log 1 + log 1 = 0; their overlap stands unnormalised.
      (graph[index] ?? []).push([other, norm > 0 ? overlap / norm : overlap]);
    }
  });
  const teleport =
    focusStems.size > 0 && sets.some((set) => [...focusStems].some((stem) => set.has(stem)))
      ? sets.map((set) => 0.1 + [...focusStems].filter((stem) => set.has(stem)).length)
      : undefined;
  return pageRank({ graph: graph as WeightedGraph, ...(teleport ? { teleport } : {}) });
}
