import nlp from 'compromise';
import type { Sentence } from '../sentences/split-sentences.js';
import type { GrammarIssue } from './grammar-issue.js';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The number of words in a sentence (Unicode word segmentation). */
export function wordCount(sentence: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(sentence)) if (segment.isWordLike) count++;
  return count;
}

/**
 * Sentences longer than `limit` words. Readability research puts comfortable reading at 15–20
 * words a sentence; past 25–30 readers lose the thread, so the default limits are 30 (standard)
 * and 25 (advanced).
 */
export function longSentences(sentences: readonly Sentence[], limit: number): GrammarIssue[] {
  return sentences.flatMap((sentence) => {
    const words = wordCount(sentence.text);
    if (words <= limit) return [];
    return [
      {
        category: 'sentence_length' as const,
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        message: `This sentence has ${words} words; more than ${limit} is hard to follow. Consider splitting it.`,
        suggestions: [],
      },
    ];
  });
}

interface Match {
  text: string;
  offset: { start: number; length: number };
}

/** Contractions ("don't", "it's") in a piece of text, each with its expansion (compromise), for formal styles. */
export function contractions(text: string, offset: number): GrammarIssue[] {
  return (nlp(text).contractions().json({ offset: true }) as Match[]).map(({ offset: place }) => {
    const actual = text.slice(place.start, place.start + place.length).trim();
    const expanded = nlp(actual).contractions().expand().text();
    const start = offset + place.start + text.slice(place.start).indexOf(actual);
    return {
      category: 'contraction' as const,
      start,
      end: start + actual.length,
      text: actual,
      message: `“${actual}” is a contraction; formal writing spells it out: “${expanded}”.`,
      suggestions: [expanded],
      fix: expanded,
    };
  });
}
