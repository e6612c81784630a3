import { stripDiacritics } from './remove-diacritics.js';

export interface NormalizeTextOptions {
  removeDiacritics: boolean;
  toLowercase: boolean;
  /** What each run of whitespace becomes; undefined keeps one space. */
  spaceReplacement?: string;
}

/**
 * A text in a canonical form for comparing, matching or building keys: compatibility characters
 * folded (NFKC: ﬁ → fi, full-width → ASCII), diacritics removed and lower-cased if asked, whitespace
 * collapsed and trimmed, and spaces replaced if asked. Returns the steps taken, in order.
 */
export function normalizeText(
  text: string,
  options: NormalizeTextOptions,
): { text: string; steps: string[] } {
  const steps = ['unicode_nfkc'];
  let normalized = text.normalize('NFKC');
  if (options.removeDiacritics) {
    normalized = stripDiacritics(normalized);
    steps.push('remove_diacritics');
  }
  if (options.toLowercase) {
    normalized = normalized.toLowerCase();
    steps.push('to_lowercase');
  }
  normalized = normalized.replace(/\s+/g, ' ').trim();
  steps.push('collapse_whitespace');
  if (options.spaceReplacement !== undefined) {
    normalized = normalized.replaceAll(' ', options.spaceReplacement);
    steps.push('replace_spaces');
  }
  return { text: normalized, steps };
}
