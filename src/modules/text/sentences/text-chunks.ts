/** A piece of a longer text and where it starts in it. */
export interface TextChunk {
  readonly text: string;
  readonly start: number;
}

/**
 * Cuts a text into pieces of about `size` characters that end at a paragraph break, or, inside a
 * long paragraph, after a sentence-ending mark (or, failing that, at a space). compromise's work
 * grows faster than linearly with the length of what it is given (200 KB at once takes tens of
 * seconds; in 2 KB pieces, a quarter of a second), and so does iterating Intl.Segmenter over a
 * long string on Node 20 — so everything that runs either on user text runs it on these pieces.
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
  for (const paragraph of piecesAfter(text, /\n[ \t]*\n\s*/g))
    if (paragraph.text.length <= size) push(paragraph.text, paragraph.start);
    else
      for (const sentence of piecesAfter(paragraph.text, /[.!?]+["'”’)\]]*\s+/g))
        for (const piece of sentence.text.length <= size
          ? [{ text: sentence.text, start: 0 }]
          : piecesAfter(sentence.text, /\s+/g, size))
          push(piece.text, paragraph.start + sentence.start + piece.start);
  if (current.length > 0) chunks.push({ text: current, start: currentStart });
  return chunks;
}

/**
 * The text cut after each match of `breaks` (the match stays with the piece before it). With
 * `minimum`, a cut is made only once the piece has that many characters.
 */
function piecesAfter(text: string, breaks: RegExp, minimum = 0): TextChunk[] {
  const result: TextChunk[] = [];
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    const end = match.index + match[0].length;
    if (end - start < minimum) continue;
    result.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (start < text.length) result.push({ text: text.slice(start), start });
  return result;
}
