import type { z } from 'zod';
import type { WorkflowStepShape } from '../../definition.js';
import { WorkflowInvalidError } from '../../errors.js';

/** `['steps', 2, 'then', 0, 'input', 'text']` → `steps[2].then[0].input.text`: how a definition's places are named. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => {
    if (typeof key === 'number') return `${field}[${key}]`;
    return field ? `${field}.${String(key)}` : String(key);
  }, '');
}

/** A place under `base`: `fieldUnder('steps[2].input', ['text'])` → `steps[2].input.text`. */
export function fieldUnder(base: string, path: readonly PropertyKey[]): string {
  const rest = fieldPath(path);
  if (!rest) return base;
  return rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
}

/** The error for a place in a step: the message names the step by id, `field` the place. */
export function stepProblem(
  step: Pick<WorkflowStepShape, 'id'>,
  field: string,
  problem: string,
): WorkflowInvalidError {
  return new WorkflowInvalidError(`Step "${step.id}": ${problem}`, field);
}

/**
 * A zod failure of the document as a WORKFLOW_INVALID error: the first issue, its place written as
 * `steps[2].input.text`, and the id of the step it is in (read from the document as given).
 */
export function documentProblem(document: unknown, error: z.ZodError): WorkflowInvalidError {
  const [issue] = error.issues;
  const path = issue?.path ?? [];
  const field = fieldPath(path) || 'definition';
  const message = issue?.message ?? 'is not valid';
  const end = stepPathEnd(document, path);
  if (end === 0) return new WorkflowInvalidError(`${field}: ${message}`, field);
  const step = valueAt(document, path.slice(0, end)) as { id: string };
  const within = fieldPath(path.slice(end));
  return new WorkflowInvalidError(`Step "${step.id}": ${within ? `${within}: ` : ''}${message}`, field);
}

/** How many keys of `path` lead to the innermost step on it (0 when it passes through none). */
function stepPathEnd(document: unknown, path: readonly PropertyKey[]): number {
  let end = 0;
  let value: unknown = document;
  for (const [index, key] of path.entries()) {
    if (!value || typeof value !== 'object') break;
    value = (value as Record<PropertyKey, unknown>)[key as string];
    const isStep =
      (typeof key === 'number' || key === 'compensate') &&
      Boolean(value) &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof (value as { id?: unknown }).id === 'string' &&
      path[0] === 'steps';
    if (isStep) end = index + 1;
  }
  return end;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const key of path) value = (value as Record<PropertyKey, unknown>)[key as string];
  return value;
}
