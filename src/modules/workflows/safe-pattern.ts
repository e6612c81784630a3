import { isSafe } from 'redos-detector';

/** Longest regular expression a workflow may carry (CEL `matches()`, JSON Schema `pattern`). */
export const maxPatternLength = 500;

/**
 * Why a user's regular expression may not run, or undefined when it may: it must compile and pass
 * redos-detector (no backtracking that can grow without bound, like `(a+)+$`), since a catastrophic
 * pattern would hold the event loop on every event or input it meets. Same check as
 * src/modules/text's custom patterns.
 */
export function unsafePatternProblem(pattern: string): string | undefined {
  if (pattern.length > maxPatternLength)
    return `the regular expression is longer than ${maxPatternLength} characters`;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    try {
      regex = new RegExp(pattern);
    } catch {
      return `"${pattern}" is not a valid regular expression`;
    }
  }
  const verdict = isSafe(regex, { timeout: 200 });
  if (!verdict.safe)
    return `the regular expression "${pattern}" could take exponential time on some texts (nested or overlapping repetition); rewrite it`;
  return undefined;
}

/**
 * The first unsafe `pattern` (or `patternProperties` key) in a JSON Schema, with the path to it;
 * undefined when every pattern is safe.
 */
export function unsafeSchemaPattern(
  schema: unknown,
  path: PropertyKey[] = [],
): { path: PropertyKey[]; message: string } | undefined {
  if (Array.isArray(schema)) {
    for (const [index, item] of schema.entries()) {
      const found = unsafeSchemaPattern(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (!schema || typeof schema !== 'object') return undefined;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && typeof value === 'string') {
      const message = unsafePatternProblem(value);
      if (message) return { path: [...path, key], message };
    }
    if (key === 'patternProperties' && value && typeof value === 'object') {
      for (const name of Object.keys(value)) {
        const message = unsafePatternProblem(name);
        if (message) return { path: [...path, key, name], message };
      }
    }
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    const found = unsafeSchemaPattern(value, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
