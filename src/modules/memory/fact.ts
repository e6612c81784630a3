// Pure, so the web app folds facts as the server does (its merge suggestions).

/**
 * The fact with case, accents, punctuation and spacing folded, and a leading "that" dropped:
 * "My manager is Dana." and "my manager is  dana" are the same fact.
 */
export function normalizeFact(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^that /, '');
}
