import { describe, expect, it } from 'vitest';
import { characterChanges, stripDiacritics, toAscii } from './remove-diacritics.js';

describe('stripDiacritics', () => {
  it('drops accents, cedillas, umlauts and tonos and keeps the base letters and their case', () => {
    expect(stripDiacritics('Crème Brûlée, Ångström, Şişli, Ελλάδα, naïve ÉTÉ')).toBe(
      'Creme Brulee, Angstrom, Sisli, Ελλαδα, naive ETE',
    );
  });

  it('treats decomposed and composed input alike', () => {
    expect(stripDiacritics('e\u0301te\u0301')).toBe('ete');
  });

  it('leaves letters that have no decomposition', () => {
    expect(stripDiacritics('Øresund Łódź Straße')).toBe('Øresund Łodz Straße');
  });
});

describe('toAscii', () => {
  it('spells every script in Latin letters', () => {
    expect(toAscii('Øresund Łódź Straße Москва Ελληνικά')).toBe('Oresund Lodz Strasse Moskva Ellinika');
  });

  it('separates the syllables of Chinese characters only when asked', () => {
    expect(toAscii('北京', { separateChineseSyllables: true })).toBe('Bei Jing');
    expect(toAscii('北京', { separateChineseSyllables: false })).toBe('BeiJing');
  });
});

describe('characterChanges', () => {
  it('counts each changed character, most frequent first', () => {
    expect(characterChanges('ééà b', stripDiacritics)).toEqual([
      { from: 'é', to: 'e', count: 2 },
      { from: 'à', to: 'a', count: 1 },
    ]);
  });
});
