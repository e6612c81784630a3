import { describe, expect, it } from 'vitest';
import { measureText } from './measure-text.js';
import { readabilityCounts, readabilityMetrics, readabilityScores } from './readability.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const round = (value: number) => Math.round(value * 100) / 100;

/** Every formula as published, written out again here to check the tool against. */
function byHand(counts: {
  sentences: number;
  words: number;
  syllables: number;
  letters: number;
  polysyllabic: number;
  difficult: number;
  unfamiliar: number;
}) {
  const {
    sentences: S,
    words: W,
    syllables: Y,
    letters: L,
    polysyllabic: P,
    difficult: D,
    unfamiliar: U,
  } = counts;
  return {
    flesch_reading_ease: round(206.835 - 1.015 * (W / S) - 84.6 * (Y / W)),
    flesch_kincaid: round(0.39 * (W / S) + 11.8 * (Y / W) - 15.59),
    coleman_liau: round(0.0588 * ((100 * L) / W) - 0.296 * ((100 * S) / W) - 15.8),
    // Every word here is letters only, so ARI's characters are the letters.
    automated_readability: round(4.71 * (L / W) + 0.5 * (W / S) - 21.43),
    gunning_fog: round(0.4 * (W / S + (100 * P) / W)),
    smog: round(1.043 * Math.sqrt(P * (30 / S)) + 3.1291),
    dale_chall: round(0.1579 * ((100 * D) / W) + 0.0496 * (W / S) + (D / W > 0.05 ? 3.6365 : 0)),
    spache: round(0.121 * (W / S) + 0.082 * ((100 * U) / W) + 0.659),
  };
}

async function scoresOf(text: string) {
  const measure = await measureText({ text, language: 'en', context });
  const counts = readabilityCounts(measure);
  return { counts, ...readabilityScores(counts, readabilityMetrics) };
}

describe('readability', () => {
  it('scores a text of short words as the formulas do by hand', async () => {
    // The cat sat on the mat. | It was a sunny day.
    // Syllables: one each, but sun-ny (2): 12. Letters: 3+3+3+2+3+3 + 2+3+1+5+3 = 31.
    // Not on the Dale–Chall list: none. Not on the Spache list: mat, sunny.
    const hand = {
      sentences: 2,
      words: 11,
      syllables: 12,
      letters: 31,
      polysyllabic: 0,
      difficult: 0,
      unfamiliar: 2,
    };
    const { counts, scores } = await scoresOf('The cat sat on the mat. It was a sunny day.');
    expect(counts).toEqual({
      sentences: 2,
      words: 11,
      syllables: 12,
      letters: 31,
      characters: 31,
      polysyllabic_words: 0,
      difficult_words: 0,
      unfamiliar_words: 2,
    });
    expect(scores).toEqual(byHand(hand));
  });

  it('scores a text of long words as the formulas do by hand', async () => {
    // Ed-u-ca-tion(4) is(1) im-por-tant(3) for(1) chil-dren(2).
    // Beau-ti-ful(3) li-brar-ies(3) en-cour-age(3) cu-ri-ous(3) read-ers(2).
    // Teach-ers(2) rec-om-mend(3) won-der-ful(3) sto-ries(2).
    // Syllables 11 + 14 + 10 = 35; three or more: 8. Letters 31 + 41 + 33 = 105.
    // Not on the Dale–Chall list (exact forms): education, libraries, encourage, curious, readers,
    // teachers, recommend (7); not on the Spache list: those and wonderful, stories (9).
    const text =
      'Education is important for children. Beautiful libraries encourage curious readers. Teachers recommend wonderful stories.';
    const hand = {
      sentences: 3,
      words: 14,
      syllables: 35,
      letters: 105,
      polysyllabic: 8,
      difficult: 7,
      unfamiliar: 9,
    };
    const { counts, scores, average_grade_level } = await scoresOf(text);
    expect(counts).toMatchObject({
      sentences: 3,
      words: 14,
      syllables: 35,
      letters: 105,
      polysyllabic_words: 8,
    });
    expect(counts).toMatchObject({ difficult_words: 7, unfamiliar_words: 9 });
    const expected = byHand(hand);
    expect(scores).toEqual(expected);
    const grades = [
      expected.flesch_kincaid,
      expected.coleman_liau,
      expected.automated_readability,
      expected.gunning_fog,
      expected.smog,
    ];
    expect(average_grade_level).toBeCloseTo(grades.reduce((sum, grade) => sum + grade, 0) / 5, 1);
  });

  it('counts numbers apart from words and computes only the metrics asked for', async () => {
    const measure = await measureText({ text: 'In 2024 we held 3 meetings.', language: 'en', context });
    expect(measure.numbers).toBe(2);
    const counts = readabilityCounts(measure);
    expect(counts.words).toBe(4);
    expect(Object.keys(readabilityScores(counts, ['smog']).scores)).toEqual(['smog']);
  });

  it('leaves out the scores a text without words cannot have, instead of NaN', async () => {
    const measure = await measureText({ text: '𞋵𞊞像ᗧ', language: 'en', context });
    const { scores, average_grade_level } = readabilityScores(readabilityCounts(measure), [
      'flesch_reading_ease',
      'smog',
    ]);
    expect(Object.values(scores).every(Number.isFinite)).toBe(true);
    expect(average_grade_level === null || Number.isFinite(average_grade_level)).toBe(true);
  });
});
