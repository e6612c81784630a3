import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { anyJson, anyText, arbitraryFor, type JsonSchema } from './schema-arbitrary.js';

/** How long each half of the fuzz (REST, then MCP) runs: a deadline, not a count of requests. */
const secondsEach = Number(process.env.FUZZ_SECONDS ?? 35);
/** A request that takes longer than this is a hang. */
const requestTimeoutMs = 15_000;

type Operation = {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema?: JsonSchema }[];
  body?: JsonSchema;
};

/** What was sent, for the failure message: enough to send it again by hand. */
type SentRequest = { method: string; url: string; body?: unknown; raw?: string };

/** Waits for `work`, or fails as a hang after the per-request timeout. */
async function withinTimeout<T>(work: Promise<T>, request: SentRequest): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`No answer within ${requestTimeoutMs} ms: ${describeRequest(request)}`)),
      requestTimeoutMs,
    );
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Text with lone surrogates replaced, as a client must before percent-encoding it into a URL. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

function describeRequest({ method, url, body, raw }: SentRequest): string {
  const shown = raw ?? (body === undefined ? '' : JSON.stringify(body));
  return `${method} ${url}${shown ? `\n${shown.length > 2000 ? `${shown.slice(0, 2000)}…` : shown}` : ''}`;
}

/** fast-check's run options: stop at the deadline (not an error), and at the first failure, unshrunk. */
const runFor = (seconds: number) => ({
  numRuns: Number.MAX_SAFE_INTEGER,
  interruptAfterTimeLimit: seconds * 1000,
  markInterruptAsFailure: false,
  endOnFailure: true,
});

describe('fuzzing the real app', () => {
  let testApp: TestApp;
  let url: string;
  let key: string;
  const ids: string[] = [];

  beforeAll(async () => {
    // With the durable engine, as `serve` runs: workflow runs start, cancel and answer for real.
    testApp = await buildTestApp('embedded', { engine: true });
    url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'admin@example.com', role: 'admin' });
    const cookie = await signIn(testApp.app, 'admin@example.com');
    key = (await createApiKey(testApp.app, cookie, ['api:read', 'api:write', 'mcp', 'admin'])).key;
    // Real objects, so some fuzzed ids reach past "not found" into updates.
    const headers = { authorization: `Bearer ${key}` };
    for (const [path, payload] of [
      ['/api/v1/tasks', { title: 'A task' }],
      ['/api/v1/prompts', { name: 'fuzzed', template: 'Hello {{name}}' }],
      ['/api/v1/resources', { kind: 'text', name: 'A note', content: 'Some text' }],
      ['/api/v1/conversations', { title: 'A chat' }],
    ] as const) {
      const created = await testApp.app.http.inject({ method: 'POST', url: path, headers, payload });
      ids.push(created.json().id);
    }
  });
  afterAll(() => testApp.close());

  it(
    'answers every REST route with a body or query without a 5xx or a hang, whatever it is sent',
    async () => {
      const description = (
        await testApp.app.http.inject({ method: 'GET', url: '/api/openapi.json' })
      ).json() as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters?: Operation['parameters'];
              requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
            }
          >
        >;
        components?: { schemas?: Record<string, JsonSchema> };
      };
      const components = description.components?.schemas ?? {};
      const operations: Operation[] = Object.entries(description.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content?.['application/json']?.schema,
        })),
      );
      const fuzzed = operations.filter(
        (operation) => operation.body || operation.parameters.some((parameter) => parameter.in === 'query'),
      );
      if (fuzzed.length < 30) throw new Error(`Only ${fuzzed.length} routes with a body or query were found`);

      const idLike = fc.oneof(fc.constantFrom(...ids), fc.uuid(), anyText);
      const requestFor = (operation: Operation) => {
        const pathValues = fc.record(
          Object.fromEntries(
            operation.parameters
              .filter((parameter) => parameter.in === 'path')
              .map((parameter) => [
                parameter.name,
                parameter.name === 'name'
                  ? fc.oneof(fc.constantFrom('add_task', 'clean_text'), anyText)
                  : idLike,
              ]),
          ),
        );
        const query = fc.record(
          Object.fromEntries(
            operation.parameters
              .filter((parameter) => parameter.in === 'query')
              .map((parameter) => [parameter.name, arbitraryFor(parameter.schema, components)]),
          ),
          { requiredKeys: [] },
        );
        const body = operation.body ? arbitraryFor(operation.body, components) : fc.constant(undefined);
        return fc.record({ pathValues, query, body }).map(({ pathValues, query, body }) => {
          const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
            encodeURIComponent(wellFormed(String(pathValues[name] ?? ''))),
          );
          const search = new URLSearchParams(
            Object.entries(query).map(([name, value]): [string, string] => [
              name,
              typeof value === 'string' ? value : JSON.stringify(value),
            ]),
          ).toString();
          return { method: operation.method, url: search ? `${path}?${search}` : path, body };
        });
      };

      await fc.assert(
        fc.asyncProperty(fc.oneof(...fuzzed.map(requestFor)), async (request) => {
          const response = await withinTimeout(
            testApp.app.http.inject({
              method: request.method as 'GET',
              url: request.url,
              headers: {
                authorization: `Bearer ${key}`,
                ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
            }),
            request,
          );
          if (response.statusCode >= 500)
            throw new Error(`HTTP ${response.statusCode} for ${describeRequest(request)}\n${response.body}`);
        }),
        runFor(secondsEach),
      );
    },
    (secondsEach + 30) * 1000,
  );

  it(
    'answers MCP tool calls with any arguments, and malformed JSON-RPC, without an internal error or a hang',
    async () => {
      const endpoint = `${url}/mcp`;
      let sessionId = '';
      /** One JSON-RPC exchange over Streamable HTTP; the answer's messages, from JSON or an SSE stream. */
      const send = async (request: SentRequest) => {
        const response = await withinTimeout(
          fetch(endpoint, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${key}`,
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' } : {}),
            },
            body: request.raw ?? JSON.stringify(request.body),
          }).then(async (answer) => ({ answer, text: await answer.text() })),
          request,
        );
        if (response.answer.status >= 500)
          throw new Error(`HTTP ${response.answer.status} for ${describeRequest(request)}\n${response.text}`);
        const messages = response.answer.headers.get('content-type')?.includes('text/event-stream')
          ? response.text
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => JSON.parse(line.slice(5)))
          : response.text
            ? [JSON.parse(response.text)].flat()
            : [];
        return { response: response.answer, messages };
      };
      const rpc = (method: string, params?: unknown, id: number | string | null = 1) => ({
        method: 'POST',
        url: '/mcp',
        body: { jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) },
      });

      const initialized = await send(
        rpc('initialize', {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'fuzz', version: '1.0.0' },
        }),
      );
      sessionId = initialized.response.headers.get('mcp-session-id') ?? '';
      await send({
        method: 'POST',
        url: '/mcp',
        body: { jsonrpc: '2.0', method: 'notifications/initialized' },
      });
      const { messages } = await send(rpc('tools/list'));
      const tools = messages[0].result.tools as { name: string; inputSchema: JsonSchema }[];
      if (tools.length < 10) throw new Error(`Only ${tools.length} tools were listed`);

      const toolCall = fc.oneof(
        ...tools.map((tool) =>
          arbitraryFor(tool.inputSchema).map((args) =>
            rpc('tools/call', { name: tool.name, arguments: args }),
          ),
        ),
      );
      const methods = [
        'initialize',
        'ping',
        'tools/list',
        'tools/call',
        'resources/list',
        'resources/templates/list',
        'resources/read',
        'resources/subscribe',
        'resources/unsubscribe',
        'prompts/list',
        'prompts/get',
        'completion/complete',
        'logging/setLevel',
        'notifications/cancelled',
        'no/such/method',
      ];
      const malformed = fc.oneof(
        fc
          .record({
            method: fc.constantFrom(...methods),
            params: fc.option(anyJson, { nil: undefined }),
            id: fc.oneof(fc.integer(), anyText, fc.constant(null)),
          })
          .map(({ method, params, id }) => rpc(method, params, id)),
        fc
          .record({
            uri: fc.oneof(
              anyText,
              fc.constantFrom(`switchboard://resources/${ids[2]}`, 'switchboard://tasks/x'),
            ),
          })
          .map((params) => rpc('resources/read', params)),
        anyJson.map((body) => ({ method: 'POST', url: '/mcp', body })),
        fc.string({ maxLength: 60 }).map((raw) => ({ method: 'POST', url: '/mcp', raw })),
      );

      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 3, arbitrary: toolCall }, { weight: 2, arbitrary: malformed }),
          async (request) => {
            const { messages: answers } = await send(request);
            for (const answer of answers) {
              const failure = answer?.result?._meta?.['switchboard/error'];
              const internal = answer?.error?.code === -32603;
              if (failure?.error_code === 'INTERNAL_ERROR' || internal)
                throw new Error(`Internal error for ${describeRequest(request)}\n${JSON.stringify(answer)}`);
            }
          },
        ),
        runFor(secondsEach),
      );
    },
    (secondsEach + 30) * 1000,
  );
});
