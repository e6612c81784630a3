import { iso6393 } from 'iso-639-3';
import type { Language } from './language-names.js';

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
