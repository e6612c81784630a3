import { describe, expect, it } from 'vitest';
import { languageSamples } from '../../../../test/fixtures/text/language-samples.js';
import { readNgramsFile } from './compact-ngrams.js';
import { loadDetector } from './detector.js';

describe('the compact n-gram table', () => {
  it('gives the same scores as ELD with its own medium database', async () => {
    const { eld: original } = await import('eld/medium');
    const compact = await loadDetector();
    const texts = [
      ...Object.values(languageSamples).flat(),
      'Bonjour tout le monde, comment allez-vous ?',
      'ok',
      'what’s due today',
      '東京は日本の首都です。',
      'Привет, как дела?',
      "l'homme qu'il a vu — don't",
      '',
    ];
    for (const text of texts) {
      const expected = original.detect(text);
      const actual = compact.detect(text);
      expect(actual.language, text).toBe(expected.language);
      expect(actual.getScores(), text).toEqual(expected.getScores());
      expect(actual.isReliable(), text).toBe(expected.isReliable());
    }
    expect(compact.info()).toEqual(original.info());
  });

  it('reads quoted keys with an escaped quote, bare keys, and several languages per n-gram', () => {
    const data = readNgramsFile(
      "/* header */\nexport const ngramsData = {type:'T2',languages:{0:'en',1:'fr'},isSubset:false,ngrams:{'a\\'b ':{0:60,1:7},L_QL:{1:148},' x':{0:6}}};",
    );
    expect(data.type).toBe('T2');
    expect(data.languages).toEqual({ 0: 'en', 1: 'fr' });
    expect(data.ngrams["a'b "]).toEqual({ 0: 60, 1: 7 });
    expect(data.ngrams.L_QL).toEqual({ 1: 148 });
    expect(data.ngrams[' x']).toEqual({ 0: 6 });
    expect(data.ngrams.missing).toBeUndefined();
  });

  it('refuses a file that is not an ngrams database', () => {
    expect(() => readNgramsFile('export const x = 1;')).toThrow(/Not an ELD ngrams file/);
    expect(() => readNgramsFile("ngramsData = {type:'T',languages:{},ngrams:{'a':{0:999}}}")).toThrow(
      /small integer/,
    );
  });
});
