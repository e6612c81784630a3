import { z } from 'zod';

export const issueCategories = [
  'spelling',
  'repeated_word',
  'article',
  'passive_voice',
  'wordy_phrase',
  'sentence_length',
  'contraction',
] as const;
export type IssueCategory = (typeof issueCategories)[number];

/** One problem found in a text, with where it is and what to do about it. */
export interface GrammarIssue {
  readonly category: IssueCategory;
  readonly start: number;
  readonly end: number;
  /** The text at fault (`text.slice(start, end)`). */
  readonly text: string;
  readonly message: string;
  /** Replacements to consider, best first; empty when the fix is a rewrite (passive voice, long sentences). */
  readonly suggestions: string[];
  /**
   * The replacement applied to the corrected text, when the fix is safe: it changes form, not
   * meaning (a repeated word, "a"/"an", a misspelling with one clear correction), or, when the
   * caller does not ask to preserve the tone, a plainer phrase or an expanded contraction.
   */
  readonly fix?: string;
}

export const grammarIssueSchema = z.object({
  category: z.enum(issueCategories),
  start: z.number().int().describe('Offset in the text (UTF-16 code units).'),
  end: z.number().int(),
  text: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
  fix: z.string().optional().describe('What the corrected text puts here.'),
});
