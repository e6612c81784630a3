import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChallFormula } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spacheFormula } from 'spache-formula';
import { type TextMeasure, sum } from './measure-text.js';
import { type ReadabilityMetric, readabilityMetrics } from './readability-metrics.js';

export { type ReadabilityMetric, readabilityMetrics };

/** The counts every formula is computed from. */
export interface ReadabilityCounts {
  sentences: number;
  words: number;
  syllables: number;
  letters: number;
  characters: number;
  polysyllabic_words: number;
  difficult_words: number;
  unfamiliar_words: number;
}

export function readabilityCounts(measure: TextMeasure): ReadabilityCounts {
  const { words } = measure;
  return {
    sentences: measure.sentences.length,
    words: words.length,
    syllables: sum(words, (word) => word.syllables),
    letters: sum(words, (word) => word.letters),
    characters: sum(words, (word) => word.characters),
    polysyllabic_words: words.filter((word) => word.syllables >= 3).length,
    difficult_words: words.filter((word) => word.daleChallDifficult).length,
    unfamiliar_words: words.filter((word) => word.spacheUnfamiliar).length,
  };
}

/**
 * Each formula from its published coefficients (wooorm's formula packages). Gunning fog counts
 * every word of three or more syllables as complex: Gunning's exceptions (proper nouns, compounds,
 * -ed/-es/-ing endings) are not applied.
 */
const formulas: Record<ReadabilityMetric, (counts: ReadabilityCounts) => number> = {
  flesch_reading_ease: (counts) =>
    flesch({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables }),
  flesch_kincaid: (counts) =>
    fleschKincaid({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables }),
  coleman_liau: (counts) =>
    colemanLiau({ sentence: counts.sentences, word: counts.words, letter: counts.letters }),
  automated_readability: (counts) =>
    automatedReadability({ sentence: counts.sentences, word: counts.words, character: counts.characters }),
  gunning_fog: (counts) =>
    gunningFog({
      sentence: counts.sentences,
      word: counts.words,
      complexPolysillabicWord: counts.polysyllabic_words,
    }),
  smog: (counts) => smogFormula({ sentence: counts.sentences, polysillabicWord: counts.polysyllabic_words }),
  dale_chall: (counts) =>
    daleChallFormula({
      sentence: counts.sentences,
      word: counts.words,
      difficultWord: counts.difficult_words,
    }),
  spache: (counts) =>
    spacheFormula({
      sentence: counts.sentences,
      word: counts.words,
      unfamiliarWord: counts.unfamiliar_words,
    }),
};

/** The formulas that give a U.S. school grade, averaged for one overall grade level. */
const gradeLevelMetrics: readonly ReadabilityMetric[] = [
  'flesch_kincaid',
  'coleman_liau',
  'automated_readability',
  'gunning_fog',
  'smog',
];

export const roundTo2 = (value: number) => Math.round(value * 100) / 100;

export function readabilityScores(
  counts: ReadabilityCounts,
  metrics: readonly ReadabilityMetric[],
): { scores: Partial<Record<ReadabilityMetric, number>>; average_grade_level: number | null } {
  // A formula over no words or no sentences gives NaN or Infinity: that score is left out.
  const exact = new Map(
    metrics
      .map((metric) => [metric, formulas[metric](counts)] as const)
      .filter(([, score]) => Number.isFinite(score)),
  );
  const grades = gradeLevelMetrics.flatMap((metric) => exact.get(metric) ?? []);
  return {
    scores: Object.fromEntries([...exact].map(([metric, score]) => [metric, roundTo2(score)])),
    average_grade_level: grades.length
      ? roundTo2(grades.reduce((total, grade) => total + grade, 0) / grades.length)
      : null,
  };
}

/** Flesch's own reading-ease bands (1949). */
export function readingEaseLabel(score: number): string {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'standard';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very confusing';
}
