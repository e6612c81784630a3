import { LinkifyIt } from 'linkify-it';

export interface CleanTextOptions {
  removeUrls: boolean;
  removeEmails: boolean;
  removeNumbers: boolean;
  removePunctuation: boolean;
  toLowercase: boolean;
  normalizeWhitespace: boolean;
}

export interface CleanedText {
  text: string;
  removed: { urls: number; emails: number; numbers: number; punctuation: number };
}

/**
 * Finds web addresses with or without a scheme ("https://…", "www.…", "example.com") and e-mail
 * addresses. Like any schemeless matcher it takes a file name ending in a country domain
 * ("readme.md") for a web address.
 */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });

/** A number with its decimal or thousands separators: 42, 3.14, 1,000,000, 12:30. */
const numberPattern = /\p{N}+(?:[.,:]\p{N}+)*/gu;
const punctuationPattern = /\p{P}/gu;

/**
 * Cleans a text step by step in a fixed order — addresses first (before punctuation removal would
 * break them), then numbers, punctuation, case, and whitespace — and counts what each step removed.
 */
export function cleanText(text: string, options: CleanTextOptions): CleanedText {
  const removed = { urls: 0, emails: 0, numbers: 0, punctuation: 0 };
  let cleaned = text;
  if (options.removeUrls || options.removeEmails) {
    const links = (linkify.match(cleaned) ?? []).filter((link) =>
      link.schema === 'mailto:' ? options.removeEmails : options.removeUrls,
    );
    for (const link of links) removed[link.schema === 'mailto:' ? 'emails' : 'urls']++;
    cleaned = removeRanges(
      cleaned,
      links.map((link) => [link.index, link.lastIndex]),
    );
  }
  if (options.removeNumbers)
    cleaned = cleaned.replace(numberPattern, () => {
      removed.numbers++;
      return '';
    });
  if (options.removePunctuation)
    cleaned = cleaned.replace(punctuationPattern, () => {
      removed.punctuation++;
      return '';
    });
  if (options.toLowercase) cleaned = cleaned.toLowerCase();
  if (options.normalizeWhitespace) cleaned = normalizeWhitespace(cleaned);
  return { text: cleaned, removed };
}

function removeRanges(text: string, ranges: [start: number, end: number][]): string {
  let kept = '';
  let position = 0;
  for (const [start, end] of ranges) {
    kept += text.slice(position, start);
    position = end;
  }
  return kept + text.slice(position);
}

/**
 * Runs of spaces and tabs become one space, lines lose their leading and trailing blanks, and more
 * than one empty line in a row becomes one: paragraphs stay apart.
 */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
