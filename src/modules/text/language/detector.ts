import type { eld as Eld } from 'eld/medium';

type Detector = typeof Eld;

let loading: Promise<Detector> | undefined;

/**
 * ELD (Nito-ELD, 60 languages) with its medium n-gram database, loaded on first use: about 70 MB
 * and half a second that only a server which detects languages pays.
 */
export function loadDetector(): Promise<Detector> {
  loading ??= import('eld/medium').then((module) => module.eld);
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
