import { z } from 'zod';
import { languageSchema } from '../language/language-names.js';

const label = z.enum(['positive', 'negative', 'neutral']);
const drivingWords = z
  .array(
    z.object({
      word: z.string(),
      score: z.number().int().describe('AFINN value as scored: −5…+5, sign flipped after a negator'),
      count: z.number().int(),
    }),
  )
  .describe('The words that drove the score, strongest first');
const comparative = z.number().describe('Score per word token: comparable across texts of different lengths');

export const analyzeSentimentInputSchema = z.object({
  text: z.string().min(1).describe('The text to score (English: the lexicon is AFINN)'),
  detail_level: z
    .enum(['basic', 'standard', 'detailed'])
    .default('standard')
    .describe(
      'basic: label and scores; standard: also the words that drove them; detailed: also each sentence',
    ),
  include_emotions: z
    .boolean()
    .default(false)
    .describe('Ask for emotions (joy, anger…); offline there is no emotion lexicon, and the notes say so'),
});

export const analyzeSentimentOutputSchema = z.object({
  method: z.string(),
  label,
  score: z.number().int().describe('Sum of the AFINN values of the words'),
  comparative,
  tokens: z.number().int(),
  positive_words: drivingWords.optional(),
  negative_words: drivingWords.optional(),
  sentences: z
    .array(
      z.object({
        excerpt: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        score: z.number().int(),
        comparative: z.number(),
        label,
      }),
    )
    .optional(),
  language: languageSchema.nullable().describe('The language detected in the text'),
  notes: z.array(z.string()),
});

export const transformSentimentInputSchema = z.object({
  text: z.string().min(1),
  target_sentiment: label.describe('The tone the text should have'),
});

export const transformSentimentOutputSchema = z.object({
  method: z.string(),
  target_sentiment: label,
  current: z.object({ label, score: z.number().int(), comparative }),
  transformed_text: z.string().nullable().describe('The rewritten text; null when it could not be rewritten'),
  changed: z.boolean(),
  already_matches: z.boolean().describe('Whether the text already has the target sentiment'),
  words_against_target: drivingWords,
  message: z.string(),
});

export const sentimentComparisonInputSchema = z.object({
  texts: z.array(z.string().min(1)).min(1).max(50).describe('The texts to compare'),
  labels: z
    .array(z.string().min(1).max(200))
    .max(50)
    .optional()
    .describe('A name for each text, in the same order (default "Text 1", "Text 2"…)'),
});

export const sentimentComparisonOutputSchema = z.object({
  method: z.string(),
  items: z.array(
    z.object({
      label: z.string(),
      sentiment: label,
      score: z.number().int(),
      comparative,
      positive_words: drivingWords,
      negative_words: drivingWords,
    }),
  ),
  ranking: z.array(z.string()).describe('Labels from the most positive text to the most negative'),
  most_positive: z.string(),
  most_negative: z.string(),
  average_comparative: z.number(),
  spread: z.number().describe('Highest comparative score minus the lowest'),
});
