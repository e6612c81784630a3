import { InvalidInputError } from './errors.js';

/** A place inside a parsed value: object keys and array indexes from the root. */
export type ValuePath = (string | number)[];

const nul = '\u0000';

/** U+0000, or half of a surrogate pair without its other half: text Postgres cannot store. */
// eslint-disable-next-line no-control-regex -- U+0000 is what this looks for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Plain data as JSON parsing and zod make it: arrays and plain objects (not Dates, Buffers, Maps). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Where the first text Postgres cannot store is in a parsed value (a string or an object key
 * holding U+0000, which text columns refuse, or a lone surrogate, which JSON columns refuse), as a
 * path; undefined when there is none. Walks without recursion, so a deeply nested body cannot
 * overflow the stack.
 */
export function findUnstorableText(value: unknown): ValuePath | undefined {
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
      if (unstorable.test(here)) return pathTo(step);
    } else if (Array.isArray(here)) {
      for (let index = here.length - 1; index >= 0; index--)
        pending.push({ value: here[index], key: index, parent: step });
    } else if (isPlainObject(here)) {
      const keys = Object.keys(here);
      const badKey = keys.find((key) => unstorable.test(key));
      if (badKey !== undefined) return pathTo(step, badKey);
      for (const key of keys.reverse()) pending.push({ value: here[key], key, parent: step });
    }
  }
  return undefined;
}

/** The error for text Postgres cannot store, naming the field (`part` names a value that is itself the text). */
export function unstorableTextError(path: ValuePath, part = 'arguments'): InvalidInputError {
  const field =
    path.length > 0 ? path.map((step) => JSON.stringify(String(step)).slice(1, -1)).join('.') : part;
  return new InvalidInputError(
    `${field}: must be Unicode text without the NUL character (U+0000) or a lone surrogate`,
    { field },
  );
}

/** Throws INVALID_INPUT naming the field when any text in `value` cannot be stored. */
export function refuseUnstorableText(value: unknown, part?: string): void {
  const path = findUnstorableText(value);
  if (path) throw unstorableTextError(path, part);
}

/** A file's text without U+0000: what a file holds is kept, minus the one character Postgres refuses. */
export function withoutNulCharacters(text: string): string {
  return text.includes(nul) ? text.replaceAll(nul, '') : text;
}

/** An escape in JSON text, not the tail of an escaped backslash (`\\u0000` is the text `\u0000`). */
const escaped = (pattern: string) => new RegExp(`(?<=(?:^|[^\\\\])(?:\\\\\\\\)*)\\\\${pattern}`, 'g');
const escapedNul = escaped('u0000');
/** JSON.stringify escapes a surrogate only when it is alone. */
const escapedSurrogate = escaped('ud[89a-f][0-9a-f]{2}');

/**
 * `value` as a file holds it, made storable (file content that arrives as JSON): U+0000 removed
 * from every string and key, a lone surrogate replaced by U+FFFD.
 */
export function storableFileContent<T>(value: T): T {
  if (findUnstorableText(value) === undefined) return value;
  const json = JSON.stringify(value).replace(escapedNul, '').replace(escapedSurrogate, '\\ufffd');
  return JSON.parse(json) as T;
}
