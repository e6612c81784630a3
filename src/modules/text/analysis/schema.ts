import { z } from 'zod';
import { languageCodeSchema, languageSchema } from '../language/language-names.js';
import { textOrUrlFields } from '../text-input.js';
import { readabilityMetrics } from './readability-metrics.js';

const analysisInput = {
  ...textOrUrlFields,
  language: languageCodeSchema
    .optional()
    .describe('ISO 639-1 code of the text’s language; detected when not given'),
};
const analysisOutput = {
  method: z.string(),
  language: languageSchema.nullable().describe('The language whose rules were used (null: none found)'),
  language_detected: z.boolean().describe('True when the language was detected rather than given'),
};
const ratio = z.number().describe('0–1');

export const analyzeTextBasicInputSchema = z.object({
  ...analysisInput,
  reading_speed_wpm: z
    .number()
    .int()
    .min(50)
    .max(1_000)
    .default(238)
    .meta({ title: 'Reading speed (words a minute)', description: 'Silent reading speed, words a minute' }),
  speaking_speed_wpm: z
    .number()
    .int()
    .min(50)
    .max(1_000)
    .default(183)
    .meta({ title: 'Speaking speed (words a minute)', description: 'Reading-aloud speed, words a minute' }),
});

export const analyzeTextBasicOutputSchema = z.object({
  ...analysisOutput,
  characters: z.number().int().describe('Unicode code points, spaces included'),
  characters_excluding_spaces: z.number().int(),
  letters: z.number().int(),
  words: z.number().int().describe('Tokens with at least one letter'),
  unique_words: z.number().int(),
  numbers: z.number().int().describe('Tokens that are numbers'),
  sentences: z.number().int(),
  paragraphs: z.number().int(),
  lines: z.number().int().describe('Non-empty lines'),
  average_word_length: z.number().describe('Letters per word'),
  average_sentence_length: z.number().describe('Words per sentence'),
  longest_word: z.string().nullable(),
  reading_time_minutes: z.number(),
  speaking_time_minutes: z.number(),
});

export const analyzeReadabilityInputSchema = z.object({
  ...analysisInput,
  metrics: z
    .array(z.enum(readabilityMetrics))
    .min(1)
    .default([...readabilityMetrics])
    .describe('Which formulas to compute (all by default)'),
});

export const analyzeReadabilityOutputSchema = z.object({
  ...analysisOutput,
  counts: z.object({
    sentences: z.number().int(),
    words: z.number().int(),
    syllables: z.number().int(),
    letters: z.number().int().describe('Letters in words (Coleman–Liau)'),
    characters: z.number().int().describe('Letters and digits in words (ARI)'),
    polysyllabic_words: z.number().int().describe('Words of three or more syllables (Gunning fog, SMOG)'),
    difficult_words: z.number().int().describe('Words not on the New Dale–Chall familiar list'),
    unfamiliar_words: z.number().int().describe('Words not on the revised Spache familiar list'),
  }),
  scores: z.object({
    flesch_reading_ease: z.number().optional().describe('0–100+, higher is easier'),
    flesch_kincaid: z.number().optional().describe('U.S. school grade'),
    coleman_liau: z.number().optional().describe('U.S. school grade'),
    automated_readability: z.number().optional().describe('U.S. school grade'),
    gunning_fog: z
      .number()
      .optional()
      .describe('U.S. school grade; every word of 3+ syllables counts as complex (no exceptions applied)'),
    smog: z.number().optional().describe('U.S. school grade; meant for 30 sentences or more'),
    dale_chall: z.number().optional().describe('4.9 or less: grade 4; 9.0–9.9: college'),
    spache: z.number().optional().describe('U.S. school grade, for texts up to grade 4'),
  }),
  reading_ease_label: z.string().optional().describe('Flesch’s band for the reading ease'),
  average_grade_level: z
    .number()
    .nullable()
    .describe('Mean of the grade-level formulas computed (Flesch–Kincaid, Coleman–Liau, ARI, fog, SMOG)'),
  notes: z.array(z.string()),
});

export const wordFrequencyInputSchema = z.object({
  ...analysisInput,
  top_n: z
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(10)
    .meta({ title: 'Words to list', description: 'How many of the most frequent words to list' }),
  min_length: z.number().int().min(1).max(50).default(3).describe('Leave out words shorter than this'),
  exclude_common: z.boolean().default(true).describe('Leave out the language’s stop words (the, and, of…)'),
  include_numbers: z.boolean().default(false),
});

export const wordFrequencyOutputSchema = z.object({
  ...analysisOutput,
  stop_word_list: z.string().nullable().describe('The stop-word list used (ISO 639-3 name), null if none'),
  total_words: z.number().int(),
  counted_words: z.number().int(),
  unique_words: z.number().int(),
  excluded_stop_words: z.number().int(),
  excluded_short_words: z.number().int(),
  items: z.array(
    z.object({ word: z.string(), count: z.number().int(), share: ratio.describe('Of counted words') }),
  ),
});

export const textComplexityInputSchema = z.object(analysisInput);

export const textComplexityOutputSchema = z.object({
  ...analysisOutput,
  words: z.number().int(),
  unique_words: z.number().int(),
  sentences: z.number().int(),
  lexical_diversity: z.object({
    type_token_ratio: ratio.describe('Distinct words / words; falls as texts grow longer'),
    root_type_token_ratio: z.number().describe('Guiraud’s R: distinct words / √words'),
    hapax_ratio: ratio.describe('Share of distinct words used only once'),
  }),
  word_length: z.object({
    average_letters: z.number(),
    long_word_ratio: ratio.describe('Words of more than six letters'),
    polysyllabic_ratio: ratio.describe('Words of three or more syllables (English)'),
  }),
  sentence_length: z.object({
    average_words: z.number(),
    median_words: z.number(),
    standard_deviation: z.number(),
    longest_words: z.number().int(),
  }),
  lix: z.number().describe('Björnsson’s LIX: words per sentence + % of long words'),
  complexity_level: z.string().describe('LIX band: very easy (<30) … very difficult (60+)'),
  flesch_kincaid_grade: z.number(),
  longest_sentences: z.array(z.object({ excerpt: z.string(), words: z.number().int() })),
});
