/** A piece of a longer text and where it starts in it. */
export interface TextChunk {
  readonly text: string;
  readonly start: number;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Cuts a text into pieces of about `size` characters that end at a paragraph break, or, inside a
 * long paragraph, at a sentence break. compromise's work grows faster than linearly with the
 * length of what it is given (200 KB at once takes tens of seconds; in 2 KB pieces, a quarter of
 * a second), so everything that runs it on user text runs it on these pieces.
 */
export function splitIntoChunks(text: string, size = 2000): TextChunk[] {
  const chunks: TextChunk[] = [];
  let current = '';
  let currentStart = 0;
  const push = (piece: string, pieceStart: number) => {
    if (current.length > 0 && current.length + piece.length > size) {
      chunks.push({ text: current, start: currentStart });
      current = '';
    }
    if (current.length === 0) currentStart = pieceStart;
    current += piece;
  };
  for (const paragraph of paragraphs(text)) {
    if (paragraph.text.length <= size) push(paragraph.text, paragraph.start);
    // ICU's sentence breaks are fast but cut after "Dr." or "e.g."; used only to place chunk ends.
    else
      for (const { segment, index } of sentenceSegmenter.segment(paragraph.text))
        push(segment, paragraph.start + index);
  }
  if (current.length > 0) chunks.push({ text: current, start: currentStart });
  return chunks;
}

/** The text cut after each blank line (the blank lines stay with the paragraph before them). */
function paragraphs(text: string): TextChunk[] {
  const result: TextChunk[] = [];
  const breaks = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    const end = match.index + match[0].length;
    result.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (start < text.length) result.push({ text: text.slice(start), start });
  return result;
}
