import type { SelectorDefinition } from 'html-to-text';

/** What htmlToPlainText keeps besides the text. */
export interface PlainTextOptions {
  /** Writes a link's address after its text, `text [https://…]` (by default only the text is kept). */
  linkUrls?: boolean;
}

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(
  // html-to-text upper-cases headings by default; the text should stay as it was written.
  (selector): SelectorDefinition => ({ selector, options: { uppercase: false } }),
);

/**
 * The readable text of an HTML page: paragraphs and line breaks kept, scripts, styles and images
 * dropped, headings as written, links as their text only (or with their address, if asked).
 * html-to-text is imported on the first call: a server start does not need it.
 */
export async function htmlToPlainText(
  html: string,
  { linkUrls = false }: PlainTextOptions = {},
): Promise<string> {
  const { convert } = await import('html-to-text');
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: !linkUrls, hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'template', format: 'skip' },
      ...headings,
      { selector: 'table', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}
