import { z } from 'zod';
import { grammarIssueSchema } from './grammar-issue.js';
import {
  changeKinds,
  changeReasons,
  correctionLevels,
  dialects,
  focusAreas,
  writingStyles,
} from './options.js';

const dialect = z
  .enum(dialects)
  .default('en-US')
  .describe('Which English dictionary to spell-check against.');

export const checkGrammarInputSchema = z.object({
  text: z.string(),
  correction_level: z
    .enum(correctionLevels)
    .default('standard')
    .describe(
      'basic: spelling, repeated words, a/an; standard: also passive voice, wordy phrases, sentences over 30 words; advanced: sentences over 25 words.',
    ),
  style: z
    .enum(writingStyles)
    .default('formal')
    .describe(
      'formal, academic and business also flag contractions; casual does not flag the passive voice.',
    ),
  preserve_tone: z
    .boolean()
    .default(true)
    .describe(
      'Correct only form (spelling, repeats, articles). When false, the corrected text also takes plainer phrases and spelled-out contractions.',
    ),
  dialect,
});
export const checkGrammarOutputSchema = z.object({
  issues: z.array(grammarIssueSchema),
  corrected_text: z.string().describe('The text with every issue’s fix applied.'),
  fixes_applied: z.number().int(),
  counts: z.partialRecord(z.enum(grammarIssueSchema.shape.category.options), z.number().int()),
  method: z.string(),
});

export const suggestImprovementsInputSchema = z.object({
  text: z.string(),
  focus_areas: z.array(z.enum(focusAreas)).default([]).describe('Areas to look at; all when empty.'),
  dialect,
});
export const suggestImprovementsOutputSchema = z.object({
  improvements: z.array(
    z.object({
      area: z.enum(focusAreas),
      priority: z.enum(['high', 'medium', 'low']),
      count: z.number().int(),
      advice: z.string(),
      examples: z.array(
        z.object({
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          message: z.string(),
          suggestion: z.string().optional(),
        }),
      ),
    }),
  ),
  stats: z.object({
    sentences: z.number().int(),
    words: z.number().int(),
    average_sentence_words: z.number(),
    passive_sentences: z.number().int(),
    long_sentences: z.number().int(),
  }),
  method: z.string(),
});

export const explainCorrectionsInputSchema = z.object({
  original_text: z.string(),
  corrected_text: z.string(),
  dialect,
});
export const explainCorrectionsOutputSchema = z.object({
  changes: z.array(
    z.object({
      kind: z.enum(changeKinds),
      original: z.string(),
      corrected: z.string(),
      original_start: z.number().int(),
      corrected_start: z.number().int(),
      reason: z.enum(changeReasons),
      explanation: z.string(),
    }),
  ),
  method: z.string(),
});
