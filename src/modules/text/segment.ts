import { setImmediate as nextTurn } from 'node:timers/promises';
import cldrSegmentation from 'cldr-segmentation';
import { TextToolCancelledError } from './errors.js';
import { sentenceAbbreviations } from './sentence-abbreviations.js';

/** A piece of a text with where it sits in it (UTF-16 offsets, as `String.slice` takes them). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Cuts a text into pieces of at most `size` characters, each ending at a paragraph break if one is
 * in the second half of the piece, else at a line break, else after a space, else anywhere (never
 * inside a surrogate pair). The pieces tile the text.
 */
export function splitIntoBlocks(text: string, size: number): TextSpan[] {
  const blocks: TextSpan[] = [];
  for (let start = 0; start < text.length;) {
    const end = blockEnd(text, start, size);
    blocks.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return blocks;
}

/** Where the block of at most `size` characters that begins at `start` ends (see splitIntoBlocks). */
function blockEnd(text: string, start: number, size: number): number {
  const end = Math.min(start + size, text.length);
  if (end === text.length) return end;
  const window = text.slice(start, end);
  const half = Math.floor(window.length / 2);
  const breakAt = [/\n\s*\n/g, /\n/g, /\s/g]
    .map((pattern) => lastMatchEnd(window, pattern))
    .find((position) => position > half);
  if (breakAt !== undefined) return start + breakAt;
  return /[\uDC00-\uDFFF]/.test(text.charAt(end)) ? end - 1 : end;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/** Sentences are split a block at a time, with a turn for the event loop in between (≈ 8 ms a block). */
const sentenceBlockSize = 20_000;

/**
 * The sentences of a text by Unicode's rules (UAX #29, as CLDR gives them), with CLDR's
 * abbreviations for the language so that "Mr." or "z. B." do not end a sentence (German, English,
 * Spanish, French, Italian, Portuguese, Russian, Turkish; other languages get all of those lists).
 * Trimmed, blank ones dropped, each with its place in the text.
 */
export async function splitSentences(
  text: string,
  { language, signal }: { language: string; signal?: AbortSignal },
): Promise<TextSpan[]> {
  const { sentenceSplit } = cldrSegmentation;
  const abbreviations = sentenceAbbreviations(language);
  const sentences: TextSpan[] = [];
  for (let start = 0; start < text.length;) {
    if (signal?.aborted) throw new TextToolCancelledError();
    const end = blockEnd(text, start, sentenceBlockSize);
    const block = text.slice(start, end);
    const pieces = sentenceSplit(block, abbreviations);
    // A block may end inside a sentence: its last piece is read again at the head of the next block.
    if (end < text.length && pieces.length > 1) pieces.pop();
    // The splitter drops what it cannot read (a lone surrogate, say); then the block is one piece,
    // or the loop would never get past it.
    if (pieces.join('').length === 0) pieces.splice(0, pieces.length, block);
    for (const piece of pieces) {
      const leading = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (trimmed)
        sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
      start += piece.length;
    }
    if (start < text.length) await nextTurn();
  }
  return sentences;
}

/**
 * V8's Intl.Segmenter takes time that grows with the square of its input's length (50 kB: about a
 * second; 200 kB: forty), so words are found a short piece at a time.
 */
const wordBlockSize = 1_000;
const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    const locale = Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'und';
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * The word-like pieces of a text by ICU's word boundaries (Unicode UAX #29, with dictionaries for
 * Chinese, Japanese and Thai): "don't" is one word, "e-mail" two, "3.5" one; punctuation and
 * spaces are not words.
 */
export function splitWords(text: string, language = 'und'): string[] {
  const segmenter = wordSegmenter(language);
  const words: string[] = [];
  for (const block of text.length > wordBlockSize ? splitIntoBlocks(text, wordBlockSize) : [{ text }])
    for (const piece of segmenter.segment(block.text)) if (piece.isWordLike) words.push(piece.segment);
  return words;
}
