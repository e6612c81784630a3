import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('folds compatibility forms, removes diacritics, lower-cases and collapses whitespace', () => {
    expect(normalizeText('  Ｃafé  ﬁne\t\nÜber ', { removeDiacritics: true, toLowercase: true })).toEqual({
      text: 'cafe fine uber',
      steps: ['unicode_nfkc', 'remove_diacritics', 'to_lowercase', 'collapse_whitespace'],
    });
  });

  it('replaces spaces when asked and leaves out the steps not asked for', () => {
    expect(
      normalizeText('Crème  Brûlée', { removeDiacritics: false, toLowercase: false, spaceReplacement: '-' }),
    ).toEqual({ text: 'Crème-Brûlée', steps: ['unicode_nfkc', 'collapse_whitespace', 'replace_spaces'] });
  });
});
