import { z } from 'zod';
import { textOrUrlFields } from '../text-input.js';
import { summaryLengths } from './summary-length.js';

export const summaryTypes = ['extractive', 'abstractive', 'bullet_points', 'key_insights'] as const;
export const headlineStyles = ['informative', 'news', 'question', 'keywords'] as const;

const sentenceSchema = z.object({
  text: z.string(),
  start: z.number().int().describe('Offset in the text (UTF-16 code units).'),
  end: z.number().int(),
  score: z.number().describe('TextRank score; higher is more central.'),
});

export const summarizeTextInputSchema = z.object({
  ...textOrUrlFields,
  summary_type: z
    .enum(summaryTypes)
    .default('extractive')
    .describe(
      'extractive: the key sentences in text order; bullet_points: the same as a list; key_insights: the key sentences by importance with key terms; abstractive needs a model and is extractive offline.',
    ),
  length: z
    .enum(summaryLengths)
    .default('medium')
    .describe('short ≈ 10% of sentences (1–3), medium ≈ 20% (2–7), long ≈ 35% (3–15).'),
  compression_ratio: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe('Share of the sentences to keep (0–1); overrides length.'),
  focus: z
    .string()
    .max(500)
    .optional()
    .describe('Words to lean the summary toward (topic-sensitive ranking).'),
});
export const summarizeTextOutputSchema = z.object({
  summary: z.string(),
  summary_type: z.enum(summaryTypes),
  sentences: z.array(sentenceSchema).describe('The sentences the summary is made of, in text order.'),
  key_terms: z.array(z.string()),
  original_sentence_count: z.number().int(),
  summary_sentence_count: z.number().int(),
  compression: z.number().describe('Summary length / text length, in characters.'),
  method: z.string(),
});

export const extractKeyPointsInputSchema = z.object({
  ...textOrUrlFields,
  max_points: z.number().int().min(1).max(50).default(5),
  include_context: z
    .boolean()
    .default(false)
    .describe('Give each point the sentences just before and after it.'),
});
export const extractKeyPointsOutputSchema = z.object({
  key_points: z.array(
    sentenceSchema.extend({
      rank: z.number().int().describe('1 is the most central.'),
      context_before: z.string().optional(),
      context_after: z.string().optional(),
    }),
  ),
  key_terms: z.array(z.string()),
  method: z.string(),
});

export const generateHeadlinesInputSchema = z.object({
  ...textOrUrlFields,
  count: z.number().int().min(1).max(10).default(3),
  style: z
    .enum(headlineStyles)
    .default('informative')
    .describe(
      'informative: a key sentence cut to its main clause; news: the same in title case, without articles up front; question: a question on the key terms; keywords: the key terms joined.',
    ),
});
export const generateHeadlinesOutputSchema = z.object({
  headlines: z.array(z.string()),
  key_terms: z.array(z.string()),
  method: z.string(),
});
