import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

/** What the database says when the table is gone: it must reach the log only, never a caller. */
const rawMessage = /does not exist|relation|tasks_gone|select|sql/i;

/**
 * One real internal failure — the tasks table renamed away under the running app — met on each
 * surface: a REST route, an MCP tool, an MCP request and a chat reply. Each answers INTERNAL_ERROR
 * with one kind of reference, the id of the request it came in, and nothing of the raw error.
 */
describe.each(databaseKinds)('internal errors on %s', (kind) => {
  let testApp: TestApp;
  let url: string;
  let cookie: string;
  let key: string;
  let taskId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    cookie = await signIn(testApp.app, 'alice@example.com');
    key = (await createApiKey(testApp.app, cookie)).key;
    const added = await as(testApp.app, { cookie })({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'water the plants' },
    });
    taskId = added.json().id;
    await testApp.app.database.db.execute(sql`alter table tasks rename to tasks_gone`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await testApp.app.database.db.execute(sql`alter table tasks_gone rename to tasks`);
    await testApp.close();
  });

  async function mcpClient(requestId: string): Promise<Client> {
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    const headers = { authorization: `Bearer ${key}`, 'x-request-id': requestId };
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }),
    );
    clients.push(client);
    return client;
  }

  it('a REST route answers 500 with the request id as its reference', async () => {
    const response = await as(testApp.app, { cookie })({
      method: 'GET',
      url: '/api/v1/tasks',
      headers: { 'x-request-id': 'rest-failure-1' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Reference: rest-failure-1',
      request_id: 'rest-failure-1',
    });
    expect(response.body).not.toMatch(rawMessage);
  });

  it('a REST route without a request id of the caller’s refers to the one it made', async () => {
    const response = await as(testApp.app, { cookie })({ method: 'GET', url: `/api/v1/tasks/${taskId}` });
    expect(response.statusCode).toBe(500);
    const reference = String(response.headers['x-request-id']);
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json().error.message).toBe(`Something went wrong on our side. Reference: ${reference}`);
  });

  it('a tool called over REST fails with is_error and the request id as its reference', async () => {
    const response = await as(testApp.app, { cookie })({
      method: 'POST',
      url: '/api/v1/tools/list_tasks',
      headers: { 'x-request-id': 'rest-tool-failure-1' },
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      is_error: true,
      structured_content: {
        error_code: 'INTERNAL_ERROR',
        message: 'The tool failed on our side. Reference: rest-tool-failure-1',
      },
    });
    expect(response.body).not.toMatch(rawMessage);
  });

  it('an MCP tool fails with isError and the id of the HTTP request that carried the call', async () => {
    const client = await mcpClient('mcp-tool-failure-1');
    const result = await client.callTool({ name: 'list_tasks', arguments: {} });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: 'INTERNAL_ERROR: The tool failed on our side. Reference: mcp-tool-failure-1' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(rawMessage);
  });

  it('an MCP tool without a request id of the caller’s refers to the one the server made', async () => {
    const idsByMethod = new Map<string, string>();
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const method =
        typeof init?.body === 'string' ? (JSON.parse(init.body) as { method?: string }).method : undefined;
      if (method) idsByMethod.set(method, response.headers.get('x-request-id') ?? '');
      return response;
    };
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
        fetch: recording,
      }),
    );
    clients.push(client);
    const result = await client.callTool({ name: 'list_tasks', arguments: {} });
    const reference = idsByMethod.get('tools/call');
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.content).toEqual([
      { type: 'text', text: `INTERNAL_ERROR: The tool failed on our side. Reference: ${reference}` },
    ]);
  });

  it('an MCP request fails with -32603 and the id of the HTTP request that carried it', async () => {
    const client = await mcpClient('mcp-read-failure-1');
    const failure = await client
      .readResource({ uri: `switchboard://tasks/${taskId}` })
      .catch((error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.code).toBe(-32603);
    expect(failure.message).toContain('Internal error on our side. Reference: mcp-read-failure-1');
    expect(failure.message).not.toMatch(rawMessage);
  });

  it('a chat reply’s failing tool carries the id of the request that asked for the reply', async () => {
    const response = await as(testApp.app, { cookie })({
      method: 'POST',
      url: '/api/v1/chat',
      headers: { accept: 'application/json', 'x-request-id': 'chat-failure-1' },
      payload: { message: 'what is left to do?' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [call] = response.json().tool_calls;
    expect(call).toMatchObject({ tool: 'list_tasks', status: 'error' });
    expect(JSON.stringify(call.result)).toContain('The tool failed on our side. Reference: chat-failure-1');
    expect(response.body).not.toMatch(rawMessage);
  });
});
