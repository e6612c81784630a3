import { humanize } from '../../../components/humanize';

/** The part of JSON Schema the tools' input schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  contentEncoding?: string;
}

/** How a field is edited: each kind is one input control. */
export type FieldKind =
  'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'lines' | 'choices' | 'file' | 'json';

/** What the form holds for a field: text for most kinds, a flag for checkboxes, the picked options for choices. */
export type FieldValue = string | boolean | string[];

/** One input of a tool's form, described from its schema. */
export interface FieldDescription {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  hint?: string;
  /** The values of a select or of a group of choices. */
  options?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** A text field that also takes true/false (a union with boolean). */
  booleanText?: boolean;
  /** Lines that are numbers. */
  numberLines?: boolean;
  /** What the JSON fallback must be. */
  jsonType?: 'array' | 'object';
  initial: FieldValue;
}

const longTextName = /(^|_)(text|template|content|texts)$/;

/** The fields of a form for an object schema, in the schema's order. */
export function describeFields(schema: JsonSchema): FieldDescription[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    describeField(name, property, required.has(name)),
  );
}

function describeField(name: string, property: JsonSchema, required: boolean): FieldDescription {
  const base = {
    name,
    label: property.title ?? humanize(name),
    required,
    hint: property.description,
  };
  const schema = withoutNull(property);
  const types = typesOf(schema);
  const isFile =
    types.includes('string') &&
    (schema.contentEncoding === 'base64' || /base64/i.test(property.description ?? ''));
  const fallback = property.default ?? schema.default;

  if (schema.anyOf ?? schema.oneOf) {
    if (types.includes('string') && types.every((type) => ['string', 'boolean', 'object'].includes(type)))
      return { ...base, kind: 'text', booleanText: types.includes('boolean'), initial: text(fallback) };
    return json(base, fallback);
  }
  if (isFile) return { ...base, kind: 'file', initial: '' };
  if (schema.enum)
    return { ...base, kind: 'select', options: schema.enum.map(String), initial: text(fallback) };
  if (types.includes('boolean')) return { ...base, kind: 'checkbox', initial: fallback === true };
  if (types.includes('integer') || types.includes('number'))
    return {
      ...base,
      kind: 'number',
      integer: types.includes('integer'),
      min: schema.minimum,
      max:
        schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined,
      initial: text(fallback),
    };
  if (types.includes('array')) {
    const items = withoutNull(schema.items ?? {});
    const itemTypes = typesOf(items);
    if (items.enum)
      return {
        ...base,
        kind: 'choices',
        options: items.enum.map(String),
        initial: Array.isArray(fallback) ? fallback.map(String) : [],
      };
    if (
      !items.anyOf &&
      (itemTypes.includes('string') || itemTypes.includes('number') || itemTypes.includes('integer'))
    )
      return {
        ...base,
        kind: 'lines',
        numberLines: !itemTypes.includes('string'),
        initial: Array.isArray(fallback) ? fallback.join('\n') : '',
      };
    return json(base, fallback, 'array');
  }
  if (types.includes('object')) return json(base, fallback, 'object');
  const long = longTextName.test(name) || (schema.maxLength ?? 0) > 1000;
  return { ...base, kind: long ? 'textarea' : 'text', initial: text(fallback) };
}

function json(
  base: Omit<FieldDescription, 'kind' | 'initial'>,
  fallback: unknown,
  jsonType?: FieldDescription['jsonType'],
): FieldDescription {
  const empty = fallback === undefined || (Array.isArray(fallback) && fallback.length === 0);
  return { ...base, kind: 'json', jsonType, initial: empty ? '' : JSON.stringify(fallback, null, 2) };
}

/** A schema with its `null` alternative removed: a nullable field is an optional one here. */
function withoutNull(schema: JsonSchema): JsonSchema {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return schema;
  const rest = union.filter((branch) => branch.type !== 'null');
  if (rest.length === 1 && rest[0])
    return { ...rest[0], description: schema.description ?? rest[0].description };
  return { ...schema, anyOf: rest, oneOf: undefined };
}

/** Every type a schema (or any branch of its union, nested) allows. */
function typesOf(schema: JsonSchema): string[] {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.flatMap(typesOf))];
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.enum) return ['string'];
  return schema.properties ? ['object'] : [];
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
