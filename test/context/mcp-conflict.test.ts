import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

interface ToolAnswer {
  structuredContent?: Record<string, unknown>;
  content: { type: string; text: string }[];
  isError?: boolean;
  _meta?: Record<string, unknown>;
}

/** CONTEXT_CONFLICT over MCP carries the entry's current value, as REST's 409 body does. */
describe('context tools over MCP: a conflict answers the current value', () => {
  let testApp: TestApp;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as ToolAnswer;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    const cookie = await signIn(testApp.app, 'alice@example.com');
    client = await connectMcpClient(testApp, { url, cookie, name: 'conflict-test' });
  });
  afterAll(async () => {
    await client?.close();
    await testApp?.close();
  });

  it('answers a stale context_set with the error code and the current entry, in _meta and the text', async () => {
    const space = (await call('context_create_space', { name: 'plans' })).structuredContent as {
      space: { id: string };
    };
    const spaceId = space.space.id;
    await call('context_set', { space: spaceId, key: 'plan', value: { step: 1 }, if_version: 0 });
    await call('context_set', { space: spaceId, key: 'plan', value: { step: 2 }, if_version: 1 });
    const stale = await call('context_set', {
      space: spaceId,
      key: 'plan',
      value: { step: 9 },
      if_version: 1,
    });
    expect(stale.isError).toBe(true);
    expect(stale._meta?.['switchboard/error']).toMatchObject({
      error_code: 'CONTEXT_CONFLICT',
      field: 'if_version',
      current: { key: 'plan', version: 2, value: { step: 2 } },
    });
    const [first] = stale.content;
    expect(first?.text).toMatch(/^CONTEXT_CONFLICT: /);
    const details = JSON.parse(first?.text.split('\n')[1] ?? '{}') as { current: { value: unknown } };
    expect(details.current.value).toEqual({ step: 2 });
  });

  it('names the conflicting fields of a context_patch beside the current value', async () => {
    const { space } = (await call('context_create_space', { name: 'notes' })).structuredContent as {
      space: { id: string };
    };
    await call('context_set', { space: space.id, key: 'n', value: { title: 'a' }, if_version: 0 });
    await call('context_patch', { space: space.id, key: 'n', patch: { title: 'b' }, if_version: 1 });
    const clash = await call('context_patch', {
      space: space.id,
      key: 'n',
      patch: { title: 'c' },
      if_version: 1,
    });
    expect(clash._meta?.['switchboard/error']).toMatchObject({
      error_code: 'CONTEXT_CONFLICT',
      current: { version: 2, value: { title: 'b' } },
      conflicts: [{ path: '/title', yours: 'c', theirs: 'b' }],
    });
  });
});
