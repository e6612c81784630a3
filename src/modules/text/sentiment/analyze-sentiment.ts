import Sentiment from 'sentiment';
import { splitSentences, type TextSpan } from '../segment.js';
import { type ChunkContext, workInChunks } from '../work-in-chunks.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** A word that moved the score: its AFINN value as scored (negative after "not", "never"…) and how often. */
export interface DrivingWord {
  word: string;
  score: number;
  count: number;
}

export interface SentenceSentiment extends TextSpan {
  score: number;
  comparative: number;
  label: SentimentLabel;
}

export interface SentimentAnalysis {
  label: SentimentLabel;
  score: number;
  comparative: number;
  tokens: number;
  positive_words: DrivingWord[];
  negative_words: DrivingWord[];
  sentences: SentenceSentiment[];
}

const analyzer = new Sentiment();

/** Positive when the AFINN words add up above zero, negative below it, neutral at zero (or with none). */
export function labelFor(score: number): SentimentLabel {
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

/**
 * Scores a text with the AFINN-165 lexicon (the `sentiment` package: each known word −5…+5, flipped
 * after a negator such as "not"), sentence by sentence so that a negation never reaches into the
 * next sentence. The score is the sum; comparative is the score per token, comparable across
 * lengths. Returns every scored sentence and the words that drove the score, strongest first.
 */
export async function analyzeSentiment({
  text,
  language = 'en',
  context,
}: {
  text: string;
  language?: string;
  context: ChunkContext;
}): Promise<SentimentAnalysis> {
  const spans = await splitSentences(text, { language, signal: context.signal });
  const contributions = new Map<string, DrivingWord>();
  let tokens = 0;
  const sentences = await workInChunks({
    items: spans,
    context,
    work: (span): SentenceSentiment => {
      const result = analyzer.analyze(span.text);
      tokens += result.tokens.length;
      // `sentiment` lists the scored words last to first; in reading order, ties rank by first use.
      for (const entry of [...result.calculation].reverse())
        for (const [word, score] of Object.entries(entry)) {
          const key = `${word} ${score}`;
          const known = contributions.get(key);
          if (known) known.count++;
          else contributions.set(key, { word, score, count: 1 });
        }
      return { ...span, score: result.score, comparative: result.comparative, label: labelFor(result.score) };
    },
  });
  const score = sentences.reduce((sum, sentence) => sum + sentence.score, 0);
  const weight = (word: DrivingWord) => word.score * word.count;
  const drivers = [...contributions.values()];
  return {
    label: labelFor(score),
    score,
    comparative: tokens ? score / tokens : 0,
    tokens,
    positive_words: drivers
      .filter((word) => word.score > 0)
      .sort((left, right) => weight(right) - weight(left)),
    negative_words: drivers
      .filter((word) => word.score < 0)
      .sort((left, right) => weight(left) - weight(right)),
    sentences,
  };
}
