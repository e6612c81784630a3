import { InvalidInputError } from './errors.js';

/** A place inside a parsed value: object keys and array indexes from the root. */
export type ValuePath = (string | number)[];

const nul = '\u0000';

/** Plain data as JSON parsing and zod make it: arrays and plain objects (not Dates, Buffers, Maps). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Where the first U+0000 is in a parsed value (a string, or an object key), as a path; undefined
 * when there is none. Postgres text cannot hold the character. Walks without recursion, so a
 * deeply nested body cannot overflow the stack.
 */
export function findNulCharacter(value: unknown): ValuePath | undefined {
  type Step = { value: unknown; key?: string | number; parent?: Step };
  const pathTo = (step: Step | undefined, key?: string): ValuePath => {
    const path: ValuePath = key === undefined ? [] : [key];
    for (let at = step; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const pending: Step[] = [{ value }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const here = step.value;
    if (typeof here === 'string') {
      if (here.includes(nul)) return pathTo(step);
    } else if (Array.isArray(here)) {
      for (let index = here.length - 1; index >= 0; index--)
        pending.push({ value: here[index], key: index, parent: step });
    } else if (isPlainObject(here)) {
      const keys = Object.keys(here);
      const badKey = keys.find((key) => key.includes(nul));
      if (badKey !== undefined) return pathTo(step, badKey);
      for (const key of keys.reverse()) pending.push({ value: here[key], key, parent: step });
    }
  }
  return undefined;
}

/** The error for text holding U+0000, naming the field (`part` names a value that is itself the text). */
export function nulCharacterError(path: ValuePath, part = 'arguments'): InvalidInputError {
  const field = path.length > 0 ? path.map((step) => String(step).replaceAll(nul, '\\0')).join('.') : part;
  return new InvalidInputError(`${field}: must not contain the NUL character (U+0000)`, { field });
}

/** Throws INVALID_INPUT naming the field when any text in `value` holds U+0000. */
export function refuseNulCharacters(value: unknown, part?: string): void {
  const path = findNulCharacter(value);
  if (path) throw nulCharacterError(path, part);
}

/** A file's text without U+0000: what a file holds is kept, minus the one character Postgres refuses. */
export function withoutNulCharacters(text: string): string {
  return text.includes(nul) ? text.replaceAll(nul, '') : text;
}

/** `\u0000` in JSON text, and not the tail of an escaped backslash (`\\u0000` is the text `\u0000`). */
const escapedNul = /(?<=(?:^|[^\\])(?:\\\\)*)\\u0000/g;

/** `value` with U+0000 removed from every string and key in it (file content that arrives as JSON). */
export function stripNulCharacters<T>(value: T): T {
  if (findNulCharacter(value) === undefined) return value;
  return JSON.parse(JSON.stringify(value).replace(escapedNul, '')) as T;
}
