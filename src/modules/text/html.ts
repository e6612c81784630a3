import { convert } from 'html-to-text';

/**
 * The readable text of an HTML page: paragraphs and line breaks kept, scripts, styles and images
 * dropped, links as their text only.
 */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
    ],
  }).trim();
}
