import cldrSegmentation, { type Suppressions } from 'cldr-segmentation';

/**
 * cldr-segmentation builds, as it is imported, two tries of CLDR's abbreviations for each of its
 * eight languages and two more for all of them together: 7 MB of heap for as long as the server
 * runs, of which a server whose users write in one language uses a fraction (English has 127 of
 * the 1,952 entries). The lists are taken here and the built tries dropped from the library's
 * table (nothing else reads it); a language's are built again from the same list the first time
 * one of its texts is split.
 */
const lists = new Map<string, string[]>();
for (const [language, suppressions] of Object.entries(cldrSegmentation.suppressions)) {
  if (suppressions) lists.set(language, suppressions.list);
  delete cldrSegmentation.suppressions[language];
}
const built = new Map<string, Suppressions>();

/**
 * CLDR's abbreviations after which a full stop does not end a sentence, for the language (de, en,
 * es, fr, it, pt, ru, tr), else those of all eight together.
 */
export function sentenceAbbreviations(language: string): Suppressions {
  const known = lists.has(language) ? language : 'all';
  let suppressions = built.get(known);
  if (!suppressions) {
    suppressions = cldrSegmentation.Suppressions.create(lists.get(known) ?? []);
    built.set(known, suppressions);
  }
  return suppressions;
}
