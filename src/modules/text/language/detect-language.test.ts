import { describe, expect, it } from 'vitest';
import { languageSamples } from '../../../../test/fixtures/text/language-samples.js';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  const samples = Object.entries(languageSamples).flatMap(([language, sentences]) =>
    sentences.map((sentence) => ({ language, sentence })),
  );

  it('tells the language of 95% or more of sentences of 50+ characters in 16 languages', async () => {
    expect(new Set(samples.map((sample) => sample.language)).size).toBeGreaterThanOrEqual(10);
    expect(samples.every(({ sentence }) => [...sentence].length >= 50)).toBe(true);
    let correct = 0;
    for (const { language, sentence } of samples) {
      const { language: found } = await detectLanguage({ text: sentence, topN: 1 });
      if (found?.iso639_3 === language) correct++;
    }
    expect(correct / samples.length).toBeGreaterThanOrEqual(0.95);
  });

  it('names the language with both ISO codes and ranks the other candidates below it', async () => {
    const detection = await detectLanguage({ text: languageSamples.deu?.[0] ?? '', topN: 3 });
    expect(detection.language).toEqual({ iso639_1: 'de', iso639_3: 'deu', name: 'German' });
    expect(detection.reliable).toBe(true);
    expect(detection.candidates).toHaveLength(3);
    expect(detection.candidates[0]).toMatchObject({ iso639_1: 'de', score: detection.confidence });
    const scores = detection.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it('chooses only among the candidate languages when given them', async () => {
    const detection = await detectLanguage({
      text: languageSamples.spa?.[0] ?? '',
      topN: 5,
      candidates: ['pt', 'it'],
    });
    expect(detection.candidates.map((candidate) => candidate.iso639_1).sort()).toEqual(['it', 'pt']);
  });

  it('reads a long text in windows spread over all of it, not only its opening', async () => {
    const english = (languageSamples.eng ?? []).join(' ');
    const french = (languageSamples.fra ?? []).join(' ');
    const text = `${english}\n\n${french.repeat(40)}`;
    const detection = await detectLanguage({ text, topN: 2 });
    expect(detection.language?.iso639_1).toBe('fr');
    expect(detection.analysed_characters).toBeLessThanOrEqual(20_000);
  });

  it('answers no language for text without words', async () => {
    const detection = await detectLanguage({ text: '12345 67 !!! ---', topN: 3 });
    expect(detection).toMatchObject({ language: null, reliable: false, candidates: [] });
  });
});
