/** The parts of a pdf.js text item this module reads. */
export interface PositionedText {
  readonly str: string;
  readonly hasEOL: boolean;
  /** [a, b, c, d, x, y]: the text's transform; x and y place it on the page. */
  readonly transform: number[];
  readonly width: number;
  readonly height: number;
}

/**
 * A page's text from pdf.js's positioned items: a line break where pdf.js marks the end of a line
 * or the next item sits lower (or higher) by more than half a line; a space where the next item
 * starts right of the last one by more than a sixth of the text height and neither side has one.
 */
export function pageText(items: readonly PositionedText[]): string {
  let text = '';
  let previous: PositionedText | undefined;
  for (const item of items) {
    if (previous && !previous.hasEOL) {
      const [, , , , previousX = 0, previousY = 0] = previous.transform;
      const [, , , , x = 0, y = 0] = item.transform;
      const lineHeight = Math.max(previous.height, item.height, 1);
      if (Math.abs(y - previousY) > lineHeight / 2) text += '\n';
      else if (
        x - (previousX + previous.width) > lineHeight / 6 &&
        !/\s$/.test(text) &&
        !/^\s/.test(item.str)
      )
        text += ' ';
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    previous = item;
  }
  return text.replace(/[ \t]+\n/g, '\n').trim();
}
