import type { GrammarIssue } from './grammar-issue.js';

/**
 * The text with the fixes of the given issues applied, earliest first; a fix that overlaps one
 * already applied is skipped (its issue stays a suggestion).
 */
export function applyFixes(text: string, issues: readonly GrammarIssue[]): { text: string; applied: number } {
  let result = '';
  let last = 0;
  let applied = 0;
  for (const issue of [...issues].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (issue.fix === undefined || issue.start < last) continue;
    result += text.slice(last, issue.start) + issue.fix;
    last = issue.end;
    applied++;
  }
  return { text: result + text.slice(last), applied };
}
