import { iso6393 } from 'iso-639-3';
import { z } from 'zod';

/** A language as the tools name it: both ISO 639 codes and its English name. */
export const languageSchema = z.object({
  iso639_1: z.string().describe('Two-letter ISO 639-1 code, e.g. "de"'),
  iso639_3: z.string().describe('Three-letter ISO 639-3 code, e.g. "deu"'),
  name: z.string().describe('English name, e.g. "German"'),
});
export type Language = z.infer<typeof languageSchema>;

let byTwoLetterCode: Map<string, Language> | undefined;

/** The language with this ISO 639-1 code, from the ISO 639-3 tables; undefined for an unknown code. */
export function languageByCode(iso639_1: string): Language | undefined {
  byTwoLetterCode ??= new Map(
    iso6393
      .filter((entry) => entry.iso6391 !== undefined)
      .map((entry) => [
        entry.iso6391 as string,
        {
          iso639_1: entry.iso6391 as string,
          iso639_3: entry.iso6393,
          // "Malay (macrolanguage)", "Modern Greek (1453-)": the qualifier is for tables, not readers.
          name: entry.name.replace(/ \(.*\)$/, ''),
        },
      ]),
  );
  return byTwoLetterCode.get(iso639_1);
}

/** An ISO 639-1 language code as tools accept it. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code such as "en" or "de"')
  .refine((code) => languageByCode(code) !== undefined, 'not an ISO 639-1 language code');
