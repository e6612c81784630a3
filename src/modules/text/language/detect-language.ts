import { splitIntoBlocks } from '../segment.js';
import { loadDetector, scoreLanguages } from './detector.js';
import { languageByCode } from './language-by-code.js';
import type { Language } from './language-names.js';

/** ELD reads the first 1,000 characters of what it is given; a longer text is read in windows this long. */
const windowSize = 1_000;
/** How many windows of a long text are read, evenly spaced from its start to its end. */
const windowsAtMost = 20;

export interface LanguageCandidate extends Language {
  /** ELD's score, 0–1 (mean over the windows read); a ranking figure, not a probability. */
  score: number;
}

export interface LanguageDetection {
  language: Language | null;
  confidence: number;
  reliable: boolean;
  candidates: LanguageCandidate[];
  analysed_characters: number;
}

/** The language with this ISO 639-1 code, named; codes outside the ISO tables are named by their code. */
export function describeLanguage(code: string): Language {
  return languageByCode(code) ?? { iso639_1: code, iso639_3: code, name: code };
}

/**
 * The language of a whole text, by ELD. A text longer than one window is read in up to 20 evenly
 * spaced windows and each language's scores averaged, so a long text is judged by more than its
 * opening; it is reliable when ELD reliably found the winner in at least half the windows.
 */
export async function detectLanguage({
  text,
  candidates,
  topN,
}: {
  text: string;
  candidates?: readonly string[];
  topN: number;
}): Promise<LanguageDetection> {
  const detector = await loadDetector();
  const windows = evenlySpaced(splitIntoBlocks(text, windowSize), windowsAtMost);
  const results = windows.map((window) => scoreLanguages(detector, window.text, candidates));
  const totals = new Map<string, number>();
  for (const { scores } of results)
    for (const { code, score } of scores) totals.set(code, (totals.get(code) ?? 0) + score);
  const ranked = [...totals]
    .map(([code, total]) => ({ ...describeLanguage(code), score: total / results.length }))
    .sort((left, right) => right.score - left.score);
  const top = ranked[0];
  const reliableWindows = results.filter(
    ({ reliable, scores }) => reliable && scores[0]?.code === top?.iso639_1,
  ).length;
  return {
    language: top ? describeLanguage(top.iso639_1) : null,
    confidence: top?.score ?? 0,
    reliable: top !== undefined && reliableWindows * 2 >= results.length,
    candidates: ranked.slice(0, topN),
    analysed_characters: windows.reduce((sum, window) => sum + Math.min(window.text.length, windowSize), 0),
  };
}

function evenlySpaced<Item>(items: readonly Item[], count: number): Item[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, index) => items[Math.floor((index * items.length) / count)] as Item,
  );
}

/** The ISO 639-1 code of the text's language, or undefined when ELD cannot tell. */
export async function languageCodeOf(text: string): Promise<string | undefined> {
  return (await detectLanguage({ text, topN: 1 })).language?.iso639_1;
}
