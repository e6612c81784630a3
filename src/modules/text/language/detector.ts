import fs from 'node:fs/promises';
import type { eld as Eld } from 'eld';
import { type NgramsData, readNgramsFile } from './compact-ngrams.js';

type Detector = typeof Eld;

/** ELD's own constructor of a detector, which its entry points call with their database. */
type CreateEld = () => { instance: Detector; loadData(data: NgramsData): string };

let loading: Promise<Detector> | undefined;

/**
 * ELD (Nito-ELD, 60 languages) with its medium n-gram database, loaded on first use. ELD's
 * `eld/medium` entry would import the database as a JavaScript module (58 MB of live heap, and
 * about 90 MB more resident while it compiles); it is read into a compact table instead (about
 * 10 MB, see compact-ngrams.ts) and handed to ELD's own detector, so the scores are the same.
 * The package exports only its entry points, so its files are found next to the main one.
 */
export function loadDetector(): Promise<Detector> {
  loading ??= (async () => {
    const main = import.meta.resolve('eld'); // …/eld/src/entries/dynamic.js
    const { createEld } = (await import(new URL('../languageDetector.js', main).href)) as {
      createEld: CreateEld;
    };
    const source = await fs.readFile(new URL('../ngrams/medium.js', main), 'utf8');
    const { instance, loadData } = createEld();
    loadData(readNgramsFile(source));
    return instance;
  })().catch((error: unknown) => {
    loading = undefined; // the next call tries again
    throw error;
  });
  return loading;
}

/** ELD's scores for one piece of text, best first (ISO 639-1 codes), and whether ELD trusts the top one. */
export interface LanguageScores {
  scores: { code: string; score: number }[];
  reliable: boolean;
}

/**
 * Scores a piece of text (ELD reads at most its first 1,000 characters). With `candidates`, only
 * those languages are kept — the same as ELD's own language subset, without changing the shared
 * detector.
 */
export function scoreLanguages(
  detector: Detector,
  text: string,
  candidates?: readonly string[],
): LanguageScores {
  const result = detector.detect(text);
  const scores = Object.entries(result.getScores())
    .map(([code, score]) => ({ code, score }))
    .filter(({ code }) => !candidates?.length || candidates.includes(code))
    .sort((left, right) => right.score - left.score);
  return { scores, reliable: result.isReliable() && scores[0]?.code === result.language };
}

/** The ISO 639-1 codes ELD can tell apart. */
export async function detectableLanguages(): Promise<string[]> {
  return Object.values((await loadDetector()).info().Languages);
}
