import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { multipart } from '../helpers/multipart.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('text Postgres cannot store: NUL (U+0000), a lone surrogate', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let client: Client;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    const url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    const cookie = await signIn(testApp.app, 'alice@example.com');
    alice = as(testApp.app, { cookie });
    await alice({
      method: 'POST',
      url: '/api/v1/prompts',
      payload: { name: 'about', template: 'About {{topic}}' },
    });
    client = await connectMcpClient(testApp, { url, cookie, name: 'nul-test' });
  });
  afterAll(async () => {
    await client.close();
    await testApp.close();
  });

  it.each([
    ['GET', '/api/v1/tasks?q=%00', undefined, 'q'],
    ['GET', '/api/v1/tasks?tag=a%00b', undefined, 'tag'],
    ['POST', '/api/v1/tasks', { title: 'a\u0000b' }, 'title'],
    ['POST', '/api/v1/tasks', { title: 'ok', tags: ['fine', 'x\u0000'] }, 'tags.1'],
    ['PATCH', '/api/v1/me', { name: '\u0000' }, 'name'],
    ['POST', '/api/v1/chat', { message: '\u0000' }, 'message'],
    ['POST', '/api/v1/prompts', { name: 'fine', template: 'a\u0000' }, 'template'],
    ['POST', '/api/v1/resources', { kind: 'text', name: 'n', content: 'b\u0000' }, 'content'],
    [
      'POST',
      '/api/v1/resources',
      { kind: 'text', name: 'n', content: 'b', metadata: { 'k\u0000': 1 } },
      'metadata.k\\u0000',
    ],
    ['POST', '/api/v1/conversations', { title: 'a\u0000' }, 'title'],
    ['POST', '/api/v1/tasks', { title: 'half a pair \ud83d' }, 'title'],
    [
      'POST',
      '/api/v1/resources',
      { kind: 'text', name: 'n', content: 'b', metadata: { '\ud800': 1 } },
      'metadata.\\ud800',
    ],
    ['GET', '/api/v1/conversations?query=%00', undefined, 'query'],
    ['POST', '/api/v1/me/api-keys', { name: 'a\u0000', scopes: ['api:read'] }, 'name'],
    ['POST', '/api/v1/tools/add_task', { title: 'a\u0000' }, 'title'],
    [
      'POST',
      '/v1/chat/completions',
      { model: 'offline', messages: [{ role: 'user', content: 'hi\u0000' }] },
      'messages.0.content',
    ],
  ] as const)(
    '%s %s is refused with 400 INVALID_INPUT naming the field',
    async (method, url, payload, field) => {
      const response = await alice({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(response.json().error.message).toContain('U+0000');
    },
  );

  it('refuses NUL in an upload’s fields, and drops it from the file’s name', async () => {
    const refused = await alice({
      method: 'POST',
      url: '/api/v1/resources/upload',
      ...multipart({
        filename: 'notes.txt',
        bytes: Buffer.from('hello'),
        fields: { description: 'a\u0000' },
      }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'description' });

    const stored = await alice({
      method: 'POST',
      url: '/api/v1/resources/upload',
      ...multipart({ filename: 'no\u0000tes.txt', bytes: Buffer.from('hello') }),
    });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().filename).toBe('notes.txt');
  });

  it('imports an export file holding NUL, without the NUL', async () => {
    const exported = await alice({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { title: 'Trip' },
    });
    const file = await alice({ method: 'GET', url: `/api/v1/conversations/${exported.json().id}/export` });
    const withNul = JSON.parse(JSON.stringify(file.json()).replace('"Trip"', '"Tr\\u0000ip"'));
    const imported = await alice({ method: 'POST', url: '/api/v1/conversations/import', payload: withNul });
    expect(imported.statusCode, imported.body).toBe(201);
    const listed = await alice({ method: 'GET', url: '/api/v1/conversations?query=Trip' });
    expect(listed.json().items.length).toBe(2);
  });

  it('answers the MCP tool add_task with an INVALID_INPUT tool error naming the field', async () => {
    const result = await client.callTool({ name: 'add_task', arguments: { title: 'a\u0000b' } });
    expect(result.isError).toBe(true);
    expect(result._meta?.['switchboard/error']).toMatchObject({
      error_code: 'INVALID_INPUT',
      field: 'title',
    });
  });

  it('refuses NUL in MCP prompt arguments and resource URIs with -32602 naming the field', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error,
      );
    const prompt = await refusal(client.getPrompt({ name: 'about', arguments: { topic: 'a\u0000' } }));
    expect(prompt).toBeInstanceOf(McpError);
    expect(prompt).toMatchObject({ code: ErrorCode.InvalidParams, data: { field: 'arguments.topic' } });
    const read = await refusal(client.readResource({ uri: 'switchboard://resources/\u0000' }));
    expect(read).toMatchObject({ code: ErrorCode.InvalidParams, data: { field: 'uri' } });
  });
});
