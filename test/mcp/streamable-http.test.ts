import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, LoggingMessageNotificationSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { readSse } from '../helpers/sse.js';
import { databaseKinds } from '../helpers/test-database.js';

const taskTools = [
  'add_task',
  'list_tasks',
  'search_tasks',
  'complete_task',
  'update_task',
  'delete_task',
  'delete_tasks',
];

describe.each(databaseKinds)('MCP over Streamable HTTP on %s', (kind) => {
  let testApp: TestApp;
  let url: string;
  let aliceKey: string;
  let bobKey: string;
  const clients: Client[] = [];

  async function connect(key: string): Promise<Client> {
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    clients.push(client);
    return client;
  }

  /** A raw POST to /mcp, for what the SDK client will not send: no key, a foreign Origin, a session not its own. */
  function postMcp({
    key,
    sessionId,
    headers = {},
    message,
  }: {
    key?: string;
    sessionId?: string;
    headers?: Record<string, string>;
    message: object;
  }) {
    return fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' } : {}),
        ...headers,
      },
      body: JSON.stringify(message),
    });
  }

  beforeAll(async () => {
    testApp = await buildTestApp(kind, { settings: { mcpFixtures: 'true' } });
    url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceKey = (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'), ['mcp'])).key;
    bobKey = (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'), ['mcp'])).key;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await testApp.close();
  });

  it('initializes on the latest protocol and lists the task tools with input and output schemas', async () => {
    const client = await connect(aliceKey);
    expect(client.getServerVersion()?.name).toBe('switchboard');
    expect(client.getServerCapabilities()).toMatchObject({ tools: { listChanged: true }, logging: {} });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(taskTools));
    const addTask = tools.find((tool) => tool.name === 'add_task');
    expect(addTask?.inputSchema.required).toEqual(['title']);
    expect(addTask?.outputSchema?.properties).toHaveProperty('task');
    expect(addTask?._meta).toEqual({ 'switchboard/toolset': 'Tasks' });
    expect(tools.find((tool) => tool.name === 'delete_task')?.annotations?.destructiveHint).toBe(true);
  });

  it('calls every task tool as the key’s owner, with structured results and readable text', async () => {
    const client = await connect(aliceKey);
    const added = await client.callTool({
      name: 'add_task',
      arguments: { title: 'Buy milk', due_date: '2026-12-01', tags: ['home'] },
    });
    expect(added.isError).toBe(false);
    const task = (added.structuredContent as { task: { id: string } }).task;
    expect((added.content as { text: string }[])[0]?.text).toContain('Added "Buy milk"');

    const listed = await client.callTool({ name: 'list_tasks', arguments: { status: 'pending' } });
    expect((listed.structuredContent as { items: { id: string }[] }).items.map((item) => item.id)).toContain(
      task.id,
    );
    const found = await client.callTool({ name: 'search_tasks', arguments: { query: 'milk' } });
    expect((found.structuredContent as { items: unknown[] }).items).toHaveLength(1);
    const updated = await client.callTool({
      name: 'update_task',
      arguments: { task_id: task.id, priority: 'high' },
    });
    expect(updated.structuredContent).toMatchObject({ task: { priority: 'high' } });
    const completed = await client.callTool({ name: 'complete_task', arguments: { task_id: task.id } });
    expect(completed.structuredContent).toMatchObject({ task: { status: 'completed' } });
    const deleted = await client.callTool({ name: 'delete_task', arguments: { task_id: task.id } });
    expect(deleted.isError).toBe(false);

    await testApp.app.identity.audit.flush(); // tool calls are audited in batches
    const audit = await testApp.app.identity.audit.list(systemActor, { action: 'tool.call', limit: 10 });
    expect(audit.items[0]).toMatchObject({
      action: 'tool.call',
      surface: 'mcp',
      subject: 'delete_task',
      status: 'success',
    });
    expect(audit.items[0]?.duration_ms).toEqual(expect.any(Number));
  });

  it('answers another user’s task as not found, as an isError result with its code', async () => {
    const alice = await connect(aliceKey);
    const bob = await connect(bobKey);
    const added = await alice.callTool({ name: 'add_task', arguments: { title: 'Alice only' } });
    const taskId = (added.structuredContent as { task: { id: string } }).task.id;
    await bob.listTools(); // real clients list first, and then check results against the output schemas
    const stolen = await bob.callTool({ name: 'complete_task', arguments: { task_id: taskId } });
    expect(stolen.isError).toBe(true);
    expect(stolen.structuredContent).toBeUndefined();
    expect(stolen._meta).toMatchObject({ 'switchboard/error': { error_code: 'TASK_NOT_FOUND' } });
    expect((stolen.content as { text: string }[])[0]?.text).toMatch(/^TASK_NOT_FOUND: /);
    const bobsList = await bob.callTool({ name: 'list_tasks', arguments: {} });
    expect(JSON.stringify(bobsList)).not.toContain('Alice only');
  });

  it('answers an unknown tool with -32602, and bad arguments with a tool error naming the field', async () => {
    const client = await connect(aliceKey);
    await client.listTools();
    const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).catch((error) => error);
    expect(unknown).toBeInstanceOf(McpError);
    expect(unknown.code).toBe(ErrorCode.InvalidParams);
    // Since 2025-11-25 (SEP-1303), invalid arguments are an execution error the model can correct.
    const bad = await client.callTool({ name: 'add_task', arguments: { title: '' } });
    expect(bad.isError).toBe(true);
    expect(bad._meta).toMatchObject({ 'switchboard/error': { error_code: 'INVALID_INPUT', field: 'title' } });
  });

  it('reports progress and log messages on long work, and stops when cancelled', async () => {
    const client = await connect(aliceKey);
    await client.setLoggingLevel('info');
    const logs: unknown[] = [];
    client.setNotificationHandler(
      LoggingMessageNotificationSchema,
      (notification) => void logs.push(notification.params.data),
    );
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'count_slowly', arguments: { to: 3, step_ms: 1 } },
      undefined,
      {
        onprogress: (update) => void progress.push(update.progress),
      },
    );
    expect(result.structuredContent).toEqual({ counted: 3 });
    expect(progress).toEqual([1, 2, 3]);
    await new Promise((resolve) => setImmediate(resolve)); // the client runs notification handlers asynchronously
    expect(logs).toEqual(['counted 1 of 3', 'counted 2 of 3', 'counted 3 of 3']);

    await client.setLoggingLevel('warning');
    logs.length = 0;
    await client.callTool({ name: 'count_slowly', arguments: { to: 2, step_ms: 1 } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(logs).toEqual([]); // info messages are below the level the client asked for

    const controller = new AbortController();
    const cancelled = client.callTool(
      { name: 'count_slowly', arguments: { to: 100, step_ms: 20 } },
      undefined,
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    await expect(cancelled).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [entry] = (await testApp.app.identity.audit.list(systemActor, { action: 'tool.call', limit: 1 }))
      .items;
    expect(entry?.subject).toBe('count_slowly');
    expect(entry?.duration_ms).toBeLessThan(1_500);
  });

  /** Initializes a session by raw POSTs as Alice (no SDK client) and answers its id. */
  async function openRawSession(): Promise<string> {
    const initialized = await postMcp({
      key: aliceKey,
      message: {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      },
    });
    const sessionId = initialized.headers.get('mcp-session-id') ?? '';
    await initialized.text();
    await postMcp({
      key: aliceKey,
      sessionId,
      message: { jsonrpc: '2.0', method: 'notifications/initialized' },
    });
    return sessionId;
  }

  it('resumes a dropped stream from Last-Event-ID with what came after it, the result included', async () => {
    const sessionId = await openRawSession();

    const dropped = new AbortController();
    const call = await fetch(`${url}/mcp`, {
      method: 'POST',
      signal: dropped.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${aliceKey}`,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'count_slowly', arguments: { to: 4, step_ms: 150 }, _meta: { progressToken: 'p' } },
      }),
    });
    let lastEventId: string | undefined;
    for await (const event of readSse(call)) {
      lastEventId = event.id;
      if (event.data.includes('notifications/progress')) break; // the first step's progress, then the line drops
    }
    dropped.abort();
    expect(lastEventId).toBeDefined();

    // As a client reconnects: the server may not have seen the drop yet (409 while the old stream
    // is open), so it tries again shortly.
    const resume = () =>
      fetch(`${url}/mcp`, {
        headers: {
          accept: 'text/event-stream',
          authorization: `Bearer ${aliceKey}`,
          'mcp-session-id': sessionId,
          'mcp-protocol-version': '2025-11-25',
          'last-event-id': lastEventId ?? '',
        },
      });
    let resumed = await resume();
    for (let tries = 0; resumed.status === 409 && tries < 250; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      resumed = await resume();
    }
    expect(resumed.status).toBe(200);
    const progress: number[] = [];
    let result: unknown;
    for await (const event of readSse(resumed)) {
      const message = JSON.parse(event.data) as {
        method?: string;
        params?: { progress: number };
        result?: unknown;
      };
      if (message.method === 'notifications/progress') progress.push(message.params?.progress ?? -1);
      if (message.result) {
        result = message.result;
        break;
      }
    }
    // Nothing the client had is sent again; everything after it arrives, in order.
    expect(progress).toEqual([2, 3, 4]);
    expect(result).toMatchObject({ structuredContent: { counted: 4 } });
  });

  it('opens a slow call’s stream with its resumption point before the tool has finished', async () => {
    const sessionId = await openRawSession();
    // No log messages: nothing but the result would follow the stream's first event.
    const level = { jsonrpc: '2.0', id: 2, method: 'logging/setLevel', params: { level: 'error' } };
    await (await postMcp({ key: aliceKey, sessionId, message: level })).text();

    // The tool counts for 100 s, longer than the test may run: its result cannot be what sends
    // the first event (held briefly so that a quick result leaves with it).
    const call = await postMcp({
      key: aliceKey,
      sessionId,
      message: {
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'count_slowly', arguments: { to: 100, step_ms: 1_000 } },
      },
    });
    expect(call.headers.get('content-type')).toBe('text/event-stream');
    const reader = (call.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let opening = '';
    while (!opening.includes('\n\n')) opening += decoder.decode((await reader.read()).value);
    expect(opening).toMatch(/^id: \S+\ndata: \n\n$/);
    await reader.cancel();
    const cancel = { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3 } };
    await (await postMcp({ key: aliceKey, sessionId, message: cancel })).text();
  });

  it('ends a session when the key it was opened with is revoked', async () => {
    const cookie = await signIn(testApp.app, 'alice@example.com');
    const { key, api_key: apiKey } = await createApiKey(testApp.app, cookie, ['mcp']);
    const client = await connect(key);
    const transport = (client as unknown as { _transport: StreamableHTTPClientTransport })._transport;
    const sessionId = transport.sessionId ?? '';
    await testApp.app.http.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-keys/${apiKey.id}`,
      headers: { cookie },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterRevoke = await postMcp({
      key: aliceKey,
      sessionId,
      message: { jsonrpc: '2.0', id: 9, method: 'tools/list' },
    });
    expect(afterRevoke.status).toBe(404); // gone, even for another valid key of the same user
  });

  it('answers another method with 405 and the methods it has', async () => {
    const response = await fetch(`${url}/mcp`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${aliceKey}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, DELETE');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a key without the mcp scope with 403', async () => {
    const cookie = await signIn(testApp.app, 'alice@example.com');
    const { key } = await createApiKey(testApp.app, cookie, ['api:read']);
    const response = await postMcp({ key, message: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    await expect(connect(key)).rejects.toThrow(/MISSING_SCOPE/);
  });

  it('refuses a request from a foreign Origin with 403', async () => {
    const response = await postMcp({
      key: aliceKey,
      headers: { origin: 'https://evil.example' },
      message: { jsonrpc: '2.0', id: 1, method: 'ping' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a Host name that is not ours (DNS rebinding)', async () => {
    // fetch will not send a Host of our choosing; a raw request does, as a rebound browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${url}/mcp`, {
        method: 'POST',
        headers: {
          host: 'rebound.example',
          authorization: `Bearer ${aliceKey}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    });
    expect(status).toBe(403);
  });

  it('does not let another user use a session, and forgets a session once deleted', async () => {
    const alice = await connect(aliceKey);
    const transport = (alice as unknown as { _transport: StreamableHTTPClientTransport })._transport;
    const sessionId = transport.sessionId ?? '';
    const asBob = await postMcp({
      key: bobKey,
      sessionId,
      message: { jsonrpc: '2.0', id: 7, method: 'tools/list' },
    });
    expect(asBob.status).toBe(404);

    await transport.terminateSession();
    const afterDelete = await postMcp({
      key: aliceKey,
      sessionId,
      message: { jsonrpc: '2.0', id: 8, method: 'tools/list' },
    });
    expect(afterDelete.status).toBe(404);
  });
});
