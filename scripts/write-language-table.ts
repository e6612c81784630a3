import { writeFileSync } from 'node:fs';
import { iso6393 } from 'iso-639-3';

/**
 * Writes src/modules/text/language/two-letter-languages.ts: the 184 languages of the ISO 639-3 list
 * that have an ISO 639-1 code, which is all `detect_language` names. The whole list (7,900
 * languages) held 3 MB of the server's heap for as long as it ran, as a module's exports and its
 * 1.5 MB source. Run it (`npx tsx scripts/write-language-table.ts`, then `npx prettier --write` on
 * the file) after upgrading iso-639-3; language-by-code.test.ts fails until then.
 */
const rows = iso6393
  .filter((entry) => entry.iso6391 !== undefined)
  // "Malay (macrolanguage)", "Modern Greek (1453-)": the qualifier is for tables, not readers.
  .map((entry) => [entry.iso6391, entry.iso6393, entry.name.replace(/ \(.*\)$/, '')]);
const file = new URL('../src/modules/text/language/two-letter-languages.ts', import.meta.url);
writeFileSync(
  file,
  `// Written by scripts/write-language-table.ts from the iso-639-3 package; do not edit by hand.

/** Each language with an ISO 639-1 code: that code, its ISO 639-3 code and its English name. */
export const twoLetterLanguages: readonly (readonly [iso639_1: string, iso639_3: string, name: string])[] = ${JSON.stringify(rows)};
`,
);
