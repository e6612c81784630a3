import { libraries } from './libraries.js';

/** Words that name the list rather than a task ("the milk one", "the dentist task"). */
const listWords = [
  'task',
  'tasks',
  'todo',
  'todos',
  'item',
  'items',
  'one',
  'thing',
  'reminder',
  'list',
  'note',
  'notes',
];
let ignored: Set<string> | undefined;
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * The words of a phrase worth searching for: stop words (stopword's English list) and words that
 * name the list itself dropped ("the milk one" → "milk"); the phrase itself when nothing is left.
 */
export function searchWords(phrase: string): string {
  ignored ??= new Set([...libraries().stopWords, ...listWords]);
  const skip = ignored;
  const words = [...wordSegmenter.segment(phrase)]
    .filter((segment) => segment.isWordLike && !skip.has(segment.segment.toLowerCase()))
    .map((segment) => segment.segment);
  return words.length > 0 ? words.join(' ') : phrase.trim();
}

/** A phrase with its first letter in upper case ("buy milk" → "Buy milk"). */
export function sentenceCase(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

/** A phrase without trailing punctuation and outer whitespace. */
export function tidy(phrase: string): string {
  return phrase
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
}

const ordinals: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/**
 * The position a phrase points at in a numbered list: "3", "#3", "task 3", "number 3", "the
 * third one", "the 2nd"; -1 for "the last one"; undefined when it is not a position.
 */
export function positionIn(phrase: string): number | undefined {
  const match =
    /^(?:the\s+)?(?:(?:task|item|number|no\.?)\s*)?#?(?<position>\d+|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:st|nd|rd|th)?(?:\s+(?:one|task|item))?$/i.exec(
      tidy(phrase),
    );
  const position = match?.groups?.position?.toLowerCase();
  if (position === undefined) return undefined;
  if (position === 'last') return -1;
  return ordinals[position] ?? Number(position);
}
