import nlp from 'compromise';
import { splitIntoChunks } from './text-chunks.js';

/** One sentence of a text, with its place in it (`text === source.slice(start, end)`). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Offsets without the per-term output, which would cost ten times the splitting (the typings omit `terms: false`). */
const offsetsOnly = { offset: true, terms: false } as unknown as { offset: true };

/**
 * The sentences of a text, in order, by compromise's sentence splitter (which knows abbreviations
 * such as "Dr." and "e.g."). Whitespace between sentences belongs to none of them.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const chunk of splitIntoChunks(text)) {
    const parsed = nlp.tokenize(chunk.text).json(offsetsOnly) as {
      offset: { start: number; length: number };
    }[];
    for (const { offset } of parsed) {
      const raw = chunk.text.slice(offset.start, offset.start + offset.length);
      const leading = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed.length === 0) continue;
      const start = chunk.start + offset.start + leading;
      sentences.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  return sentences;
}
