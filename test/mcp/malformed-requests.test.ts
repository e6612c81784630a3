import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { readSse } from '../helpers/sse.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

interface RpcReply {
  id: number | string | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

const initializeParams = {
  protocolVersion: '2025-11-25',
  capabilities: {},
  clientInfo: { name: 'raw-client', version: '1.0.0' },
};

describe('malformed MCP requests over HTTP', () => {
  let testApp: TestApp;
  let url: string;
  let key: string;
  let sessionId: string;
  let nextId = 1;

  /** One raw JSON-RPC POST to /mcp (in the open session unless `session` is null); the reply comes as JSON or as the first event of an SSE stream. */
  async function post(message: object, session: string | null = sessionId) {
    const response = await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${key}`,
        ...(session ? { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' } : {}),
      },
      body: JSON.stringify({ jsonrpc: '2.0', ...message }),
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream'))
      return { response, reply: (await response.json()) as RpcReply };
    for await (const event of readSse(response))
      return { response, reply: JSON.parse(event.data) as RpcReply };
    throw new Error('the stream ended without a reply');
  }

  /** Sends a request in the open session and returns its error. */
  async function errorFor(method: string, params?: unknown) {
    const id = nextId++;
    const { reply } = await post({ id, method, ...(params === undefined ? {} : { params }) });
    expect(reply.id).toBe(id);
    expect(reply.result).toBeUndefined();
    return reply.error;
  }

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'raw@example.com' });
    key = (await createApiKey(testApp.app, await signIn(testApp.app, 'raw@example.com'), ['mcp'])).key;
    const { response } = await post({ id: 0, method: 'initialize', params: initializeParams }, null);
    sessionId = response.headers.get('mcp-session-id') ?? '';
    expect(sessionId).not.toBe('');
    await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${key}`,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** -32602 with a one-line message that names the field, and none of the validator's dump. */
  function expectInvalidParams(error: RpcReply['error'], field: string) {
    expect(error?.code).toBe(ErrorCode.InvalidParams);
    expect(error?.message).toContain(field);
    expect(error?.message).not.toMatch(/[[{\n]/);
    expect(error?.message.length).toBeLessThan(300);
  }

  it('answers resources/read without params or without a uri with -32602 naming what is missing', async () => {
    expectInvalidParams(await errorFor('resources/read'), 'params');
    expectInvalidParams(await errorFor('resources/read', {}), 'uri');
    expectInvalidParams(await errorFor('resources/read', { uri: 42 }), 'uri');
  });

  it('answers tools/call without a tool name, or with arguments that are no object, with -32602', async () => {
    expectInvalidParams(await errorFor('tools/call', {}), 'name');
    expectInvalidParams(await errorFor('tools/call', { name: 42 }), 'name');
    expectInvalidParams(await errorFor('tools/call', { name: 'echo', arguments: 'hello' }), 'arguments');
  });

  it('answers logging/setLevel with an unknown level with -32602 naming the level', async () => {
    expectInvalidParams(await errorFor('logging/setLevel', { level: 'loud' }), 'level');
    expectInvalidParams(await errorFor('logging/setLevel'), 'params');
  });

  it('answers completion/complete with a bad ref with -32602 naming the ref', async () => {
    expectInvalidParams(
      await errorFor('completion/complete', {
        ref: { type: 'ref/nothing' },
        argument: { name: 'id', value: '' },
      }),
      'ref',
    );
    expectInvalidParams(
      await errorFor('completion/complete', { argument: { name: 'id', value: '' } }),
      'ref',
    );
  });

  it('answers resources/subscribe and resources/unsubscribe without or with a bad uri with -32602', async () => {
    expectInvalidParams(await errorFor('resources/unsubscribe'), 'params');
    expectInvalidParams(await errorFor('resources/unsubscribe', { uri: ['a'] }), 'uri');
    expectInvalidParams(await errorFor('resources/subscribe', {}), 'uri');
  });

  it('answers an initialize with bad params with -32602, in a session and to open one', async () => {
    expectInvalidParams(await errorFor('initialize', { protocolVersion: 7 }), 'protocolVersion');
    const { response, reply } = await post(
      { id: 'first', method: 'initialize', params: { clientInfo: 'me' } },
      null,
    );
    expect(response.status).toBe(400);
    expect(reply.id).toBe('first');
    expectInvalidParams(reply.error, 'clientInfo');
    expect(response.headers.get('mcp-session-id')).toBeNull();
  });

  it('still answers a well-formed request in the same session', async () => {
    const { reply } = await post({ id: nextId++, method: 'resources/templates/list' });
    expect(reply.result).toHaveProperty('resourceTemplates');
  });
});
