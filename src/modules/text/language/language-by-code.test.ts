import { iso6393 } from 'iso-639-3';
import { describe, expect, it } from 'vitest';
import { languageByCode } from './language-by-code.js';

describe('languageByCode', () => {
  it('names every language with a two-letter code as the ISO 639-3 list does', () => {
    const listed = iso6393.filter((entry) => entry.iso6391 !== undefined);
    expect(listed.length).toBeGreaterThan(180);
    for (const entry of listed)
      expect(languageByCode(entry.iso6391 as string), 'run scripts/write-language-table.ts').toEqual({
        iso639_1: entry.iso6391,
        iso639_3: entry.iso6393,
        name: entry.name.replace(/ \(.*\)$/, ''),
      });
  });

  it('gives the plain name without the table’s qualifier, and nothing for an unknown code', () => {
    expect(languageByCode('ms')).toEqual({ iso639_1: 'ms', iso639_3: 'msa', name: 'Malay' });
    expect(languageByCode('el')?.name).toBe('Modern Greek');
    expect(languageByCode('zz')).toBeUndefined();
  });
});
