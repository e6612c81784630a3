import { isDeepStrictEqual } from 'node:util';
import type { DiffOperation } from './schema.js';
import type { FieldConflict } from './errors.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Applies a JSON Merge Patch (RFC 7386) to a value; neither is changed. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    // Defined, not assigned: a field named __proto__ stays a field.
    else
      Object.defineProperty(result, name, {
        value: applyMergePatch(Object.hasOwn(result, name) ? result[name] : undefined, value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
}

/** `["a", "b/c"]` → `/a/b~1c` (RFC 6901). */
export function toPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** The fields a merge patch sets or removes: its leaves, with what each becomes (undefined: removed). */
function patchLeaves(patch: JsonObject, above: string[] = []): { segments: string[]; value: unknown }[] {
  return Object.entries(patch).flatMap(([name, value]) => {
    const segments = [...above, name];
    // An empty object changes nothing under it (unless the field was not an object: too rare to weigh).
    if (isObject(value)) return patchLeaves(value, segments);
    return [{ segments, value: value === null ? undefined : value }];
  });
}

/**
 * A three-way merge check: the fields `patch` touches that another writer changed differently
 * between `base` (the version the patch's writer read) and `theirs` (the current version). A field
 * the other writer left alone, or changed to the same value, is not a conflict.
 */
export function mergeConflicts({
  base,
  theirs,
  patch,
}: {
  base: unknown;
  theirs: unknown;
  patch: JsonObject;
}): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const { segments, value } of patchLeaves(patch)) {
    const before = valueAt(base, segments);
    const now = valueAt(theirs, segments);
    if (isDeepStrictEqual(before, now) || isDeepStrictEqual(now, value)) continue;
    conflicts.push({ path: toPointer(segments), yours: value, theirs: now });
  }
  return conflicts;
}

/** The RFC 6902 operations (add, remove, replace) that turn `before` into `after`, objects field by field. */
export function diffJson(before: unknown, after: unknown, above: string[] = []): DiffOperation[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (before === undefined) return [{ op: 'add', path: toPointer(above), value: after }];
  if (after === undefined) return [{ op: 'remove', path: toPointer(above) }];
  if (!isObject(before) || !isObject(after)) return [{ op: 'replace', path: toPointer(above), value: after }];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.flatMap((name) => diffJson(before[name], after[name], [...above, name]));
}
