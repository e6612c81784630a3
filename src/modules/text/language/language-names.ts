// The small 639-3 → 639-1 table, not the whole ISO 639-3 list (780 kB): the schemas need only the codes.
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import { z } from 'zod';

/** A language as the tools name it: both ISO 639 codes and its English name. */
export const languageSchema = z.object({
  iso639_1: z.string().meta({ title: 'ISO 639-1 code', description: 'Two-letter ISO 639-1 code, e.g. "de"' }),
  iso639_3: z
    .string()
    .meta({ title: 'ISO 639-3 code', description: 'Three-letter ISO 639-3 code, e.g. "deu"' }),
  name: z.string().describe('English name, e.g. "German"'),
});
export type Language = z.infer<typeof languageSchema>;

let twoLetterCodes: Set<string> | undefined;

/** An ISO 639-1 language code as tools accept it. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code such as "en" or "de"')
  .refine(
    (code) => (twoLetterCodes ??= new Set(Object.values(iso6393To1))).has(code),
    'not an ISO 639-1 language code',
  );
