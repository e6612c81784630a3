import type { FieldDescription, FieldValue } from './schema-fields';

/** A tool call's JSON body built from the form, or the fields that are not right yet. */
export type BodyResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/** The initial values of a form: defaults filled in. */
export function initialValues(fields: FieldDescription[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.name, field.initial]));
}

/**
 * The JSON body for a tool call: each value in its schema's type, empty optional fields left out
 * (so the tool's own defaults apply). A missing required field or JSON that does not parse is an
 * error by that field, before anything is sent.
 */
export function buildBody(fields: FieldDescription[], values: Record<string, FieldValue>): BodyResult {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name] ?? field.initial;
    const converted = convert(field, value);
    if ('error' in converted) errors[field.name] = converted.error;
    else if (converted.value !== undefined) body[field.name] = converted.value;
    else if (field.required) errors[field.name] = 'Required';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

function convert(field: FieldDescription, value: FieldValue): { value: unknown } | { error: string } {
  if (typeof value === 'boolean') return { value };
  if (Array.isArray(value)) return { value: value.length > 0 ? value : undefined };
  if (value.trim() === '') return { value: undefined };
  switch (field.kind) {
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return { error: 'Enter a number' };
      if (field.integer && !Number.isInteger(number)) return { error: 'Enter a whole number' };
      return { value: number };
    }
    case 'lines': {
      const lines = value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (field.numberLines && lines.some((line) => !Number.isFinite(Number(line))))
        return { error: 'Enter one number a line' };
      return { value: field.numberLines ? lines.map(Number) : lines };
    }
    case 'json':
      return parseJson(field, value);
    case 'text':
      if (field.booleanText && (value === 'true' || value === 'false')) return { value: value === 'true' };
      return { value };
    default:
      return { value };
  }
}

function parseJson(field: FieldDescription, value: string): { value: unknown } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (field.jsonType === 'array' && !Array.isArray(parsed)) return { error: 'Enter a JSON list: [ … ]' };
  if (field.jsonType === 'object' && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)))
    return { error: 'Enter a JSON object: { … }' };
  return { value: parsed };
}
