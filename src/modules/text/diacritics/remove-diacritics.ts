import { transliterate } from 'transliteration';

/**
 * Unicode's own definition of a diacritic, limited to combining marks: accents, cedillas, ogonek,
 * umlauts, Greek tonos, Arabic harakat, Hebrew points. Built from a string because TypeScript allows
 * the `v` flag only when targeting ES2024; Node 20 has it.
 */
const combiningDiacritic = new RegExp('[\\p{Mn}&&\\p{Diacritic}]', 'gv');

/**
 * Removes the diacritics that Unicode decomposes into a base letter and a combining mark (é → e,
 * ş → s, ά → α). Letters with no decomposition (ø, ł, đ, ß, æ) stay as they are: the `unidecode`
 * method turns those into ASCII too.
 */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(combiningDiacritic, '').normalize('NFC');
}

/** ASCII for any text: accents dropped, other letters and scripts spelt in Latin letters. */
export function toAscii(text: string, { separateChineseSyllables = true } = {}): string {
  return transliterate(text, { fixChineseSpacing: separateChineseSyllables });
}

export interface CharacterChange {
  from: string;
  to: string;
  count: number;
}

/**
 * Which characters of a text a conversion changes, and how often, most frequent first: each
 * distinct character is converted alone (for the report only; the text itself is converted whole).
 */
export function characterChanges(text: string, convert: (character: string) => string): CharacterChange[] {
  const converted = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const character of text.normalize('NFC')) {
    let to = converted.get(character);
    if (to === undefined) {
      to = convert(character);
      converted.set(character, to);
    }
    if (to !== character) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return [...counts]
    .map(([from, count]) => ({ from, to: converted.get(from) ?? '', count }))
    .sort((left, right) => right.count - left.count);
}
