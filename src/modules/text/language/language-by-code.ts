import type { Language } from './language-names.js';
import { twoLetterLanguages } from './two-letter-languages.js';

let byTwoLetterCode: Map<string, Language> | undefined;

/**
 * The language with this ISO 639-1 code, from the ISO 639-3 tables (their languages with a
 * two-letter code, copied by scripts/write-language-table.ts); undefined for an unknown code.
 */
export function languageByCode(iso639_1: string): Language | undefined {
  byTwoLetterCode ??= new Map(
    twoLetterLanguages.map(([code, iso639_3, name]) => [code, { iso639_1: code, iso639_3, name }]),
  );
  return byTwoLetterCode.get(iso639_1);
}
