import { describe, expect, it, vi } from 'vitest';
import { languageSamples } from '../../../../test/fixtures/text/language-samples.js';
import { TextToolCancelledError } from '../errors.js';
import { detectLanguagesBySentence } from './detect-multiple-languages.js';

const quiet = () => ({ signal: new AbortController().signal, progress: vi.fn(async () => {}) });
const paragraph = (language: string, sentences = 6) =>
  (languageSamples[language] ?? []).slice(0, sentences).join(' ');

describe('detectLanguagesBySentence', () => {
  it('finds each language of a mixed text with its share and the segments in order', async () => {
    const text = [paragraph('eng'), paragraph('fra'), paragraph('deu', 2)].join('\n\n');
    const mix = await detectLanguagesBySentence({ text, maxLanguages: 3, maxSegments: 10, context: quiet() });
    expect(mix.languages.map((language) => language.iso639_1)).toEqual(['fr', 'en', 'de']);
    expect(mix.languages.reduce((sum, language) => sum + language.share, 0)).toBeCloseTo(1);
    expect(mix.segments.map((segment) => segment.language?.iso639_1)).toEqual(['en', 'fr', 'de']);
    const [english] = mix.segments;
    expect(text.slice(english?.start, english?.end)).toBe(paragraph('eng'));
    expect(english?.sentences).toBe(6);
  });

  it('keeps only max_languages languages and max_segments segments', async () => {
    const text = ['eng', 'spa', 'ita', 'pol'].map((language) => paragraph(language)).join('\n\n');
    const mix = await detectLanguagesBySentence({ text, maxLanguages: 2, maxSegments: 1, context: quiet() });
    expect(mix.languages).toHaveLength(2);
    expect(mix.segments).toHaveLength(1);
    expect(mix.segments_total).toBe(4);
  });

  it('reports progress on a long text and stops when the caller cancels', async () => {
    const text = Array.from({ length: 60 }, () => paragraph('eng')).join(' ');
    const context = quiet();
    await detectLanguagesBySentence({ text, maxLanguages: 1, maxSegments: 1, context });
    expect(context.progress).toHaveBeenLastCalledWith(360, 360);

    const controller = new AbortController();
    controller.abort();
    await expect(
      detectLanguagesBySentence({
        text,
        maxLanguages: 1,
        maxSegments: 1,
        context: { signal: controller.signal, progress: async () => {} },
      }),
    ).rejects.toBeInstanceOf(TextToolCancelledError);
  });
});
