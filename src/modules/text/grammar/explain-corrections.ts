import { diffWordsWithSpace } from 'diff';
import nlp from 'compromise';
import { InvalidInputError } from '../../../errors.js';
import type { ToolContext } from '../../../tools/tool.js';
import { checkGrammar } from './check-grammar.js';
import type { GrammarIssue } from './grammar-issue.js';
import type { changeKinds, changeReasons, Dialect } from './options.js';

/** One change between the original and the corrected text, and why it was (probably) made. */
export interface ExplainedChange {
  kind: (typeof changeKinds)[number];
  original: string;
  corrected: string;
  original_start: number;
  corrected_start: number;
  reason: (typeof changeReasons)[number];
  explanation: string;
}

/** How long the word diff may run before the texts are called too different to compare. */
const diffTimeoutMs = 5000;

/**
 * A word-level diff (the `diff` package) of two texts, each change explained: by the checker's own
 * finding at that place when there is one (a misspelling, a repeated word, "a"/"an", a wordy
 * phrase, a contraction), else by what changed (only case, only punctuation, only spacing), else
 * as a change of wording.
 */
export async function explainCorrections(
  original: string,
  corrected: string,
  dialect: Dialect,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<ExplainedChange[]> {
  const parts = diffWordsWithSpace(original, corrected, { timeout: diffTimeoutMs });
  if (!parts)
    throw new InvalidInputError('The texts are too different to compare word by word', {
      field: 'corrected_text',
    });
  const { issues } = await checkGrammar(
    original,
    { level: 'standard', style: 'formal', preserveTone: false, dialect },
    context,
  );
  const changes: ExplainedChange[] = [];
  let originalAt = 0;
  let correctedAt = 0;
  let pending: { removed: string; added: string; originalStart: number; correctedStart: number } | undefined;
  const flush = () => {
    if (pending) changes.push(explain(pending, original, issues));
    pending = undefined;
  };
  for (const part of parts) {
    if (!part.added && !part.removed) {
      flush();
      originalAt += part.value.length;
      correctedAt += part.value.length;
      continue;
    }
    pending ??= { removed: '', added: '', originalStart: originalAt, correctedStart: correctedAt };
    if (part.removed) {
      pending.removed += part.value;
      originalAt += part.value.length;
    } else {
      pending.added += part.value;
      correctedAt += part.value.length;
    }
  }
  flush();
  return changes;
}

function explain(
  change: { removed: string; added: string; originalStart: number; correctedStart: number },
  original: string,
  issues: readonly GrammarIssue[],
): ExplainedChange {
  const { removed, added } = change;
  const base = {
    kind:
      removed === '' ? ('inserted' as const) : added === '' ? ('removed' as const) : ('replaced' as const),
    original: removed,
    corrected: added,
    original_start: change.originalStart,
    corrected_start: change.correctedStart,
  };
  const end = change.originalStart + removed.length;
  const issue = issues.find(
    (candidate) =>
      candidate.start <= change.originalStart + 1 &&
      end <= candidate.end + 1 &&
      (candidate.fix?.includes(added.trim()) ||
        candidate.suggestions.some((suggestion) => suggestion.includes(added.trim()))),
  );
  if (issue && issue.category !== 'passive_voice' && issue.category !== 'sentence_length')
    return { ...base, reason: issue.category, explanation: issue.message };

  const letters = (value: string) => value.replace(/[^\p{L}\p{N}]/gu, '');
  if (removed.trim() === added.trim())
    return { ...base, reason: 'spacing', explanation: 'Only the spacing changed.' };
  if (removed.toLowerCase() === added.toLowerCase())
    return {
      ...base,
      reason: 'capitalization',
      explanation: `Capitalisation: “${removed.trim()}” → “${added.trim()}”.`,
    };
  if (letters(removed) === letters(added))
    return {
      ...base,
      reason: 'punctuation',
      explanation: `Punctuation: “${removed.trim()}” → “${added.trim()}”.`,
    };
  const word = removed.trim();
  if (
    base.kind === 'removed' &&
    word &&
    /^\s*$/.test(removed.replace(word, '')) &&
    repeatsNeighbour(original, change.originalStart, word)
  )
    return { ...base, reason: 'repeated_word', explanation: `Removed the repeated “${word}”.` };
  if (word && nlp(word).contractions().found && nlp(word).contractions().expand().text() === added.trim())
    return { ...base, reason: 'contraction', explanation: `Spelled out the contraction “${word}”.` };
  return {
    ...base,
    reason: 'word_choice',
    explanation:
      base.kind === 'inserted'
        ? `Added “${added.trim()}”.`
        : base.kind === 'removed'
          ? `Removed “${word}”.`
          : `Changed the wording: “${word}” → “${added.trim()}”.`,
  };
}

function repeatsNeighbour(text: string, start: number, word: string): boolean {
  const before = /(\S+)\s*$/.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^\s*(\S+)/.exec(text.slice(start + word.length, start + word.length + 40))?.[1];
  return before?.toLowerCase() === word.toLowerCase() || after?.toLowerCase() === word.toLowerCase();
}
