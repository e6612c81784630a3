import type { DrivingWord, SentimentAnalysis, SentimentLabel } from './analyze-sentiment.js';

export interface SentimentTransformReport {
  transformed_text: null;
  changed: false;
  already_matches: boolean;
  words_against_target: DrivingWord[];
  message: string;
}

/**
 * What can honestly be done offline towards a change of tone: rewriting a text needs a language
 * model, so nothing is rewritten; instead the report names the words that pull against the target
 * (the negative ones for a positive target, the positive ones for a negative target, all scored
 * words for a neutral one), strongest first, for a person or a model to rework.
 */
export function sentimentTransformReport(
  analysis: SentimentAnalysis,
  target: SentimentLabel,
): SentimentTransformReport {
  const against =
    target === 'positive'
      ? analysis.negative_words
      : target === 'negative'
        ? analysis.positive_words
        : [...analysis.positive_words, ...analysis.negative_words].sort(
            (left, right) => Math.abs(right.score * right.count) - Math.abs(left.score * left.count),
          );
  const already = analysis.label === target;
  const words = against
    .slice(0, 5)
    .map((word) => `"${word.word}"`)
    .join(', ');
  return {
    transformed_text: null,
    changed: false,
    already_matches: already,
    words_against_target: against,
    message: [
      'The text was not rewritten: rewriting needs a language model, and none is configured.',
      already
        ? `It already reads as ${target}.`
        : `It reads as ${analysis.label}; to make it ${target}, rework the words that pull against that${words ? `: ${words}` : ''}.`,
    ].join(' '),
  };
}
