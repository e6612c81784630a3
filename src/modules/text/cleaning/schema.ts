import { z } from 'zod';
import { lengthFields } from '../text-output.js';

const text = z.string().describe('The text to work on');

export const cleanTextInputSchema = z.object({
  text,
  remove_numbers: z.boolean().default(false).describe('Remove numbers such as 42, 3.14 or 1,000'),
  remove_punctuation: z.boolean().default(false).describe('Remove every punctuation mark'),
  normalize_whitespace: z
    .boolean()
    .default(true)
    .describe('Collapse runs of spaces, trim lines, keep at most one empty line between paragraphs'),
  to_lowercase: z.boolean().default(false),
  remove_urls: z.boolean().default(false).describe('Remove web addresses, with or without https://'),
  remove_emails: z.boolean().default(false).describe('Remove e-mail addresses'),
});

export const cleanTextOutputSchema = z.object({
  method: z.string(),
  text: z.string().describe('The cleaned text'),
  ...lengthFields,
  removed: z.object({
    urls: z.number().int(),
    emails: z.number().int(),
    numbers: z.number().int(),
    punctuation: z.number().int(),
  }),
});

export const normalizeUnicodeInputSchema = z.object({
  text,
  form: z
    .enum(['NFC', 'NFD', 'NFKC', 'NFKD'])
    .default('NFC')
    .describe(
      'NFC composes (é as one character), NFD decomposes (e + accent), NFKC/NFKD also fold compatibility forms (ﬁ → fi, ① → 1, full-width → ASCII)',
    ),
});

export const normalizeUnicodeOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  form: z.enum(['NFC', 'NFD', 'NFKC', 'NFKD']),
  changed: z.boolean(),
  ...lengthFields,
});

export const removeSpecialSymbolsInputSchema = z.object({
  text,
  symbols_to_remove: z
    .string()
    .min(1)
    .optional()
    .describe('Remove exactly these characters (e.g. "#@*"); without it every symbol and emoji is removed'),
  preserve_basic_punctuation: z
    .boolean()
    .default(true)
    .describe('Keep sentence punctuation, quotes, apostrophes, brackets, hyphens and dashes'),
});

export const removeSpecialSymbolsOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  ...lengthFields,
  removed: z.array(z.object({ symbol: z.string(), count: z.number().int() })).describe('Most frequent first'),
  removed_total: z.number().int(),
});

export const removeHtmlTagsInputSchema = z.object({
  text: z.string().describe('HTML (a page or a fragment)'),
  preserve_content: z
    .boolean()
    .default(true)
    .describe(
      'Keep the content’s layout — paragraphs, line breaks, list items, table rows (true) — or run all the text together on one line (false). Scripts and styles are always dropped.',
    ),
  keep_link_urls: z.boolean().default(false).describe('Write each link’s address after its text'),
});

export const removeHtmlTagsOutputSchema = z.object({
  method: z.string(),
  text: z.string(),
  ...lengthFields,
});
