import { describeLanguage, detectLanguage } from '../language/detect-language.js';
import type { Language } from '../language/language-names.js';

export interface AnalysisLanguage {
  /** ISO 639-1 code whose rules split sentences and words; "und" when unknown. */
  code: string;
  language: Language | null;
  /** True when the language was detected, not given. */
  detected: boolean;
}

/** The language an analysis follows: the one the caller gave, else the one ELD finds in the text. */
export async function analysisLanguage(text: string, given?: string): Promise<AnalysisLanguage> {
  if (given) return { code: given, language: describeLanguage(given), detected: false };
  const { language } = await detectLanguage({ text, topN: 1 });
  return { code: language?.iso639_1 ?? 'und', language, detected: true };
}
