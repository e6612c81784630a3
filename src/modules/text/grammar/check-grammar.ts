import type { ToolContext } from '../../../tools/tool.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { splitIntoChunks } from '../sentences/text-chunks.js';
import { applyFixes } from './corrected-text.js';
import type { GrammarIssue, IssueCategory } from './grammar-issue.js';
import type { correctionLevels, Dialect, writingStyles } from './options.js';
import { retextIssues } from './retext-checks.js';
import { contractions, longSentences } from './style-checks.js';

/** What each correction level checks. */
const levelCategories: Record<(typeof correctionLevels)[number], ReadonlySet<IssueCategory>> = {
  basic: new Set(['spelling', 'repeated_word', 'article']),
  standard: new Set([
    'spelling',
    'repeated_word',
    'article',
    'passive_voice',
    'wordy_phrase',
    'sentence_length',
  ]),
  advanced: new Set([
    'spelling',
    'repeated_word',
    'article',
    'passive_voice',
    'wordy_phrase',
    'sentence_length',
  ]),
};

export interface CheckGrammarOptions {
  readonly level: (typeof correctionLevels)[number];
  readonly style: (typeof writingStyles)[number];
  /** Apply only fixes of form (spelling, repeats, articles), not of wording (plainer phrases, contractions). */
  readonly preserveTone: boolean;
  readonly dialect: Dialect;
}

/**
 * The issues of a text at a correction level and style, in text order, and the text with the
 * safe fixes applied. Formal, academic and business styles also flag contractions; casual does
 * not flag the passive voice. Runs chunk by chunk, reporting progress and honouring cancellation.
 */
export async function checkGrammar(
  text: string,
  options: CheckGrammarOptions,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<{ issues: GrammarIssue[]; correctedText: string; fixesApplied: number }> {
  const categories = new Set(levelCategories[options.level]);
  if (options.style !== 'casual' && options.level !== 'basic') categories.add('contraction');
  if (options.style === 'casual') categories.delete('passive_voice');

  const issues: GrammarIssue[] = [];
  const chunks = splitIntoChunks(text, 5000);
  for (const [index, chunk] of chunks.entries()) {
    context.signal.throwIfAborted();
    for (const issue of await retextIssues(chunk.text, options.dialect))
      issues.push({ ...issue, start: issue.start + chunk.start, end: issue.end + chunk.start });
    if (categories.has('contraction')) issues.push(...contractions(chunk.text, chunk.start));
    await context.progress(index + 1, chunks.length, 'Checking');
  }
  if (categories.has('sentence_length'))
    issues.push(...longSentences(splitSentences(text), options.level === 'advanced' ? 25 : 30));

  const kept = issues
    .filter((issue) => categories.has(issue.category))
    .map((issue) =>
      options.preserveTone && (issue.category === 'wordy_phrase' || issue.category === 'contraction')
        ? withoutFix(issue)
        : withSingleFix(issue),
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const corrected = applyFixes(text, kept);
  return { issues: kept, correctedText: corrected.text, fixesApplied: corrected.applied };
}

function withoutFix({ fix: _fix, ...issue }: GrammarIssue): GrammarIssue {
  return issue;
}

/** A wordy phrase is fixed only when there is one plainer alternative (else the writer chooses). */
function withSingleFix(issue: GrammarIssue): GrammarIssue {
  if (issue.category === 'wordy_phrase' && issue.suggestions.length === 1 && issue.suggestions[0])
    return { ...issue, fix: issue.suggestions[0] };
  return issue;
}
