import fc from 'fast-check';

/** A JSON Schema as OpenAPI 3.1 and MCP tool listings give it (the parts the fuzzer reads). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
};

/** Text that has broken servers before: NUL, escapes, huge, unicode edge cases, SQL and path tricks. */
const nastyText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  '🙂‍↔️',
  'é\u0301',
  "'; drop table tasks; --",
  '../../etc/passwd',
  '{{#a}}{{/b}}',
  '{{> partial}}',
  '<script>alert(1)</script>',
  'x'.repeat(70_000),
  'NaN',
  '-1',
  '1e309',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  'switchboard://resources/%zz',
  'http://127.0.0.1:1/',
  '\\',
  '"',
  'null',
);

/** Any text: mostly ordinary, sometimes nasty. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: nastyText },
);

/** Any JSON value, with nasty text in it. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const formats: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  'date-time': fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  date: fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  email: fc.emailAddress(),
  uri: fc.webUrl(),
  url: fc.webUrl(),
};

/**
 * Values for a JSON Schema: mostly ones that fit it (so the fuzz reaches past validation into the
 * services and the database), sometimes any JSON at all (so validation itself is fuzzed).
 */
export function arbitraryFor(schema: JsonSchema | undefined, components: Record<string, JsonSchema> = {}) {
  const build = (node: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> => {
    if (!node || depth > 6) return anyJson;
    if (node.$ref) return build(components[node.$ref.split('/').pop() ?? ''], depth + 1);
    const fitting = fitsSchema(node, depth);
    return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: anyJson });
  };
  const fitsSchema = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    const alternatives = node.anyOf ?? node.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((choice) => build(choice, depth + 1)));
    if (node.allOf?.length) return build(node.allOf[0], depth + 1);
    const types = [node.type ?? []].flat();
    if (types.length > 1) return fc.oneof(...types.map((type) => fitsSchema({ ...node, type }, depth)));
    switch (types[0]) {
      case 'string': {
        const format = node.format ? formats[node.format] : undefined;
        const sized = fc.string({
          minLength: node.minLength ?? 0,
          maxLength: Math.min(node.maxLength ?? 40, 60),
        });
        return fc.oneof(...(format ? [format, format] : []), sized, anyText);
      }
      case 'integer':
        return fc.oneof(
          fc.integer({ min: node.minimum ?? -1000, max: node.maximum ?? 1000 }),
          fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER),
        );
      case 'number':
        return fc.oneof(
          fc.double({ noNaN: true }),
          fc.integer({ min: node.minimum ?? -1000, max: node.maximum ?? 1000 }),
        );
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(build(node.items, depth + 1), {
          minLength: node.minItems ?? 0,
          maxLength: Math.min(node.maxItems ?? 4, 6),
        });
      case 'object':
      case undefined: {
        if (!node.properties) return fc.dictionary(anyText, anyJson, { maxKeys: 3 });
        const shape = Object.fromEntries(
          Object.entries(node.properties).map(([key, property]) => [key, build(property, depth + 1)]),
        );
        return fc.record(shape, { requiredKeys: (node.required ?? []).filter((key) => key in shape) });
      }
      default:
        return anyJson;
    }
  };
  return build(schema, 0);
}
