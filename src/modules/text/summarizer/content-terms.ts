import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const stopWords = new Set(eng);
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** One word of a text that carries meaning: its stem (for matching) and its form in the text. */
export interface ContentTerm {
  readonly stem: string;
  readonly word: string;
  readonly start: number;
}

/**
 * The words of a text that carry meaning, in order: Unicode word segmentation, stop words
 * (stopword's English list) and bare numbers dropped, each reduced to its Porter stem so that
 * "summary" and "summaries" match.
 */
export function contentTerms(text: string, offset = 0): ContentTerm[] {
  const terms: ContentTerm[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase();
    if (stopWords.has(word) || /^\d+$/.test(word) || word.length < 2) continue;
    terms.push({ stem: stemmer(word), word: segment, start: offset + index });
  }
  return terms;
}
