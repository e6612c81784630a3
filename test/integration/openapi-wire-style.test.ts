import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** A JSON Schema or OpenAPI node, walked without knowing its shape. */
type Node = Record<string, unknown>;

/** snake_case (or one lowercase word); digits allowed after the first letter. */
const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** A name with an uppercase letter after a lowercase one or a digit: `nextCursor`, `mimeType`. */
const camelCase = /[a-z0-9][A-Z]/;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every property name in a schema that is camelCase, each as `where › dotted.path`. It walks
 * properties, items, compositions (allOf/anyOf/oneOf/not), additionalProperties and $defs, so a
 * nested object's field counts as much as a top-level one.
 */
function camelCaseProperties(schema: unknown, where: string, path: string[] = []): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item) => camelCaseProperties(item, where, path));
  if (!isNode(schema)) return [];
  const found: string[] = [];
  if (isNode(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (camelCase.test(name)) found.push(`${where} › ${[...path, name].join('.')}`);
      found.push(...camelCaseProperties(property, where, [...path, name]));
    }
  }
  for (const key of ['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems']) {
    found.push(...camelCaseProperties(schema[key], where, key === 'items' ? [...path, '[]'] : path));
  }
  for (const key of ['$defs', 'definitions']) {
    if (isNode(schema[key]))
      for (const [name, definition] of Object.entries(schema[key]))
        found.push(...camelCaseProperties(definition, where, [...path, `${key}.${name}`]));
  }
  return found;
}

/** Every camelCase name in an OpenAPI document: parameters, request bodies, responses and components. */
function camelCaseNames(document: Node): string[] {
  const found: string[] = [];
  const paths = isNode(document.paths) ? document.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isNode(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isNode(operation)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const parameter of parameters.filter(isNode)) {
        const name = String(parameter.name);
        const isHeader = parameter.in === 'header' || parameter.in === 'cookie';
        if (!isHeader && !snakeCase.test(name)) found.push(`${where} › ${parameter.in} ${name}`);
        found.push(...camelCaseProperties(parameter.schema, `${where} ${parameter.in} ${name}`));
      }
      const bodies = isNode(operation.requestBody) ? operation.requestBody.content : undefined;
      for (const [type, body] of Object.entries(isNode(bodies) ? bodies : {}))
        if (isNode(body)) found.push(...camelCaseProperties(body.schema, `${where} request ${type}`));
      const responses = isNode(operation.responses) ? operation.responses : {};
      for (const [status, response] of Object.entries(responses)) {
        const content = isNode(response) ? response.content : undefined;
        for (const [type, body] of Object.entries(isNode(content) ? content : {}))
          if (isNode(body)) found.push(...camelCaseProperties(body.schema, `${where} ${status} ${type}`));
      }
    }
  }
  const components = isNode(document.components) ? document.components : {};
  for (const section of ['schemas', 'parameters', 'requestBodies', 'responses']) {
    const entries = isNode(components[section]) ? components[section] : {};
    for (const [name, schema] of Object.entries(entries))
      found.push(...camelCaseProperties(schema, `components.${section}.${name}`));
  }
  return found;
}

describe('the OpenAPI description', () => {
  let testApp: TestApp;
  let document: Node;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    const url = await testApp.app.listen();
    document = (await (await fetch(`${url}/api/openapi.json`)).json()) as Node;
  });
  afterAll(() => testApp.close());

  it('names every property and parameter in snake_case, on every route and component', () => {
    expect(Object.keys(document.paths as Node).length).toBeGreaterThan(20);
    expect(camelCaseNames(document)).toEqual([]);
  });

  it('names every tool argument and structured result in snake_case (MCP and REST share them)', async () => {
    await seedUser(testApp.app, { email: 'wire@example.com' });
    const cookie = await signIn(testApp.app, 'wire@example.com');
    const response = await testApp.app.http.inject({ url: '/api/v1/tools', headers: { cookie } });
    const { items } = response.json() as {
      items: { name: string; input_schema: Node; output_schema: Node }[];
    };
    expect(items.length).toBeGreaterThan(10);
    const found = items.flatMap((tool) => [
      ...camelCaseProperties(tool.input_schema, `tool ${tool.name} input`),
      ...camelCaseProperties(tool.output_schema, `tool ${tool.name} output`),
    ]);
    expect(found).toEqual([]);
  });

  it('finds a camelCase property however deep it is', () => {
    const sample = {
      paths: {
        '/x': {
          post: {
            parameters: [{ in: 'query', name: 'pageSize', schema: { type: 'integer' } }],
            requestBody: {
              content: {
                'application/json': {
                  schema: { properties: { a: { items: { properties: { mimeType: {} } } } } },
                },
              },
            },
            responses: {
              200: {
                content: { 'application/json': { schema: { anyOf: [{ properties: { nextCursor: {} } }] } } },
              },
            },
          },
        },
      },
      components: { schemas: { User: { properties: { created_at: {}, lastSignInAt: {} } } } },
    };
    expect(camelCaseNames(sample)).toEqual([
      'POST /x › query pageSize',
      'POST /x request application/json › a.[].mimeType',
      'POST /x 200 application/json › nextCursor',
      'components.schemas.User › lastSignInAt',
    ]);
  });
});
