import { z } from 'zod';
import { languageCodeSchema, languageSchema } from './language-names.js';

const text = z.string().min(1).describe('The text whose language to find');
const candidateLanguages = z
  .array(languageCodeSchema)
  .max(60)
  .optional()
  .describe('Only consider these languages (ISO 639-1 codes), when you know the text is one of them');

export const detectLanguageInputSchema = z.object({
  text,
  include_confidence: z.boolean().default(true).describe('Include the confidence and each candidate’s score'),
  top_n: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(3)
    .meta({ title: 'Candidates to list', description: 'How many candidate languages to list' }),
  candidate_languages: candidateLanguages,
});

export const detectLanguageOutputSchema = z.object({
  method: z.string(),
  language: languageSchema.nullable().describe('The language, or null when it cannot be told'),
  confidence: z
    .number()
    .optional()
    .describe('ELD’s score for the language, 0–1: a ranking figure, not a probability; see reliable'),
  reliable: z.boolean().describe('Whether ELD trusts the answer (false for very short or mixed text)'),
  candidates: z.array(languageSchema.extend({ score: z.number().optional() })),
  analysed_characters: z.number().int(),
});

export const detectMultipleLanguagesInputSchema = z.object({
  text: z.string().min(1).describe('The text, possibly written in several languages'),
  max_languages: z.number().int().min(1).max(60).default(3).describe('How many languages to report at most'),
  max_segments: z
    .number()
    .int()
    .min(0)
    .max(1_000)
    .default(100)
    .describe('How many segments (runs of sentences in one language) to list at most'),
  candidate_languages: candidateLanguages,
});

export const detectMultipleLanguagesOutputSchema = z.object({
  method: z.string(),
  languages: z.array(
    languageSchema.extend({
      characters: z.number().int(),
      share: z.number().describe('Share of the characters whose language was told, 0–1'),
      sentences: z.number().int(),
    }),
  ),
  segments: z.array(
    z.object({
      language: languageSchema.nullable(),
      start: z.number().int().describe('Offset of the segment in the text (UTF-16 code units)'),
      end: z.number().int(),
      sentences: z.number().int(),
      excerpt: z.string(),
    }),
  ),
  segments_total: z.number().int(),
  sentences: z.number().int(),
  undetermined_characters: z.number().int().describe('Characters in sentences too short or mixed to tell'),
});
