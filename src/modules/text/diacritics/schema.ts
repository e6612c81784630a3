import { z } from 'zod';
import { lengthFields } from '../text-output.js';

const text = z.string().describe('The text to work on');
const changes = z
  .array(z.object({ from: z.string(), to: z.string(), count: z.number().int() }))
  .describe('The characters changed and what they became, most frequent first (at most 50)');

export const removeDiacriticsInputSchema = z.object({
  text,
  method: z
    .enum(['unicode', 'unidecode'])
    .default('unicode')
    .describe(
      'unicode: drop accents and other combining marks, keep every other character (ø, ß, non-Latin scripts stay); unidecode: make the text ASCII, spelling every letter in Latin',
    ),
  preserve_case: z
    .boolean()
    .default(true)
    .describe('Keep upper and lower case as they are (false lower-cases)'),
});

export const removeDiacriticsOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  ...lengthFields,
  changes,
  changed_characters: z.number().int(),
});

export const transliterateTextInputSchema = z.object({
  text,
  preserve_spacing: z
    .boolean()
    .default(true)
    .describe(
      'Keep the spacing of the original ("北京" → "BeiJing"); false puts a space between the syllables of Chinese characters ("Bei Jing")',
    ),
});

export const transliterateTextOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  ...lengthFields,
  changes,
  transliterated_characters: z.number().int(),
  dropped_characters: z
    .array(z.string())
    .describe('Characters with no Latin spelling (emoji, some symbols), left out of the text'),
});

export const normalizeTextInputSchema = z.object({
  text,
  remove_diacritics: z.boolean().default(true),
  to_lowercase: z.boolean().default(true),
  replace_spaces: z
    .union([z.boolean(), z.string().max(10)])
    .optional()
    .describe('Replace each run of whitespace with this string (e.g. "_" or "-"); true means "_"'),
});

export const normalizeTextOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  ...lengthFields,
  steps: z.array(z.string()).describe('What was done, in order'),
});
