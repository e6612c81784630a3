import vm from 'node:vm';
import { isSafe } from 'redos-detector';
import { InvalidInputError } from '../../../../errors.js';
import { findingAt, type Finding } from '../finding.js';
import { maxPatternLength } from '../options.js';

/** A caller's own pattern: a JavaScript regular expression and the name its matches are reported under. */
export interface CustomPattern {
  readonly name: string;
  readonly pattern: string;
}

/** Time all custom patterns together may spend matching on one text. */
const matchBudgetMs = 500;

/**
 * Checks the caller's patterns before any runs: each must compile, be at most 200 characters and
 * pass redos-detector (no backtracking that can grow without bound, like `(a+)+$`). The field is
 * named in the error.
 */
export function compileCustomPatterns(
  patterns: readonly CustomPattern[],
  field = 'custom_patterns',
): RegExp[] {
  return patterns.map(({ pattern }, index) => {
    const at = `${field}.${index}`;
    if (pattern.length > maxPatternLength)
      throw new InvalidInputError(`Pattern ${index + 1} is longer than ${maxPatternLength} characters`, {
        field: at,
      });
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'gu');
    } catch (error) {
      throw new InvalidInputError(`Pattern ${index + 1} is not a valid regular expression`, {
        field: at,
        cause: error,
      });
    }
    const verdict = isSafe(regex, { timeout: 200 });
    if (!verdict.safe)
      throw new InvalidInputError(
        `Pattern ${index + 1} could take exponential time on some texts (nested or overlapping repetition); rewrite it`,
        { field: at },
      );
    return regex;
  });
}

/**
 * The matches of the checked patterns, run in a separate V8 context with a time budget as a
 * second guard: a pattern that still runs too long is stopped, and the call fails with a clear
 * error rather than holding the server.
 */
export function findCustomMatches(
  text: string,
  patterns: readonly CustomPattern[],
  regexes: RegExp[],
): Finding[] {
  if (regexes.length === 0) return [];
  let spans: [number, number, number][];
  try {
    spans = vm.runInNewContext(
      `const spans = [];
       regexes.forEach((regex, which) => {
         for (const match of text.matchAll(regex)) if (match[0].length > 0) spans.push([which, match.index, match.index + match[0].length]);
       });
       spans`,
      { text, regexes },
      { timeout: matchBudgetMs },
    ) as [number, number, number][];
  } catch (error) {
    throw new InvalidInputError(`The custom patterns took longer than ${matchBudgetMs} ms on this text`, {
      field: 'custom_patterns',
      cause: error,
    });
  }
  return spans.map(([which, start, end]) =>
    findingAt(text, { type: 'custom', start, end, confidence: 1, detail: patterns[which]?.name }),
  );
}
