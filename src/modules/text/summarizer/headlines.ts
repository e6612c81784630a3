import type { RankedSentence } from './summarize.js';

/** Longest headline, in words. */
const maxWords = 14;
const minorWords = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'for',
  'nor',
  'of',
  'on',
  'in',
  'at',
  'to',
  'by',
  'as',
  'with',
  'from',
  'into',
  'over',
  'vs',
]);

/**
 * Headlines built from the key sentences and key terms, one per key sentence (or key-term pair),
 * each different:
 * - informative: the sentence cut to its first clause when that is long enough, then to 14 words;
 * - news: the same in title case, without a leading article or final full stop;
 * - question: "What do we know about X and Y?" on the key terms;
 * - keywords: three key terms joined, title case.
 */
export function buildHeadlines({
  sentences,
  terms,
  count,
  style,
}: {
  sentences: readonly RankedSentence[];
  terms: readonly string[];
  count: number;
  style: 'informative' | 'news' | 'question' | 'keywords';
}): string[] {
  const headlines: string[] = [];
  const add = (headline: string) => {
    if (headline && !headlines.includes(headline)) headlines.push(headline);
  };
  if (style === 'question' || style === 'keywords') {
    for (let index = 0; headlines.length < count && index < Math.max(terms.length, 1); index++) {
      const first = terms[index];
      const second = terms[(index + 1) % terms.length];
      if (!first) break;
      if (style === 'keywords')
        add(titleCase([first, second, terms[(index + 2) % terms.length]].filter(unique).join(', ')));
      else
        add(
          second && second !== first
            ? `What do we know about ${first} and ${second}?`
            : `What do we know about ${first}?`,
        );
    }
  }
  for (const sentence of sentences) {
    if (headlines.length >= count) break;
    const clause = mainClause(sentence.text);
    add(style === 'news' ? newsStyle(clause) : style === 'informative' ? clause : '');
    if (style !== 'news' && style !== 'informative') break;
  }
  return headlines.slice(0, count);
}

function unique(value: string | undefined, index: number, all: (string | undefined)[]): value is string {
  return value !== undefined && all.indexOf(value) === index;
}

/** The sentence up to its first comma, semicolon or dash when that leaves 5+ words; at most 14 words. */
function mainClause(sentence: string): string {
  const trimmed = sentence.replace(/\s+/g, ' ').trim();
  const cut = /^(.+?)\s*(?:[,;:]|\s[–—-]\s)/.exec(trimmed)?.[1];
  const clause = cut && cut.split(' ').length >= 5 ? cut : trimmed;
  const words = clause.split(' ');
  return words.length > maxWords
    ? `${words
        .slice(0, maxWords)
        .join(' ')
        .replace(/[,;:]$/, '')}…`
    : clause;
}

function newsStyle(clause: string): string {
  return titleCase(clause.replace(/^(?:the|a|an)\s+/i, '').replace(/[.!]$/, ''));
}

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index) =>
      index > 0 && minorWords.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}
