import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, systemActor } from '../../src/actor.js';
import { fixtureUserEmail } from '../../src/mcp/fixtures/fixture-user.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
};

/** A raw initialize POST to /mcp, with a bearer credential or none. */
function postInitialize(url: string, bearer?: string) {
  return fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(initialize),
  });
}

describe.each(databaseKinds)('/mcp without credentials on %s', (kind) => {
  const clients: Client[] = [];

  async function connect(url: string, key?: string): Promise<Client> {
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    const headers = key ? { authorization: `Bearer ${key}` } : undefined;
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }),
    );
    clients.push(client);
    return client;
  }
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  describe('normally', () => {
    let testApp: TestApp;
    let url: string;
    beforeAll(async () => {
      testApp = await buildTestApp(kind);
      url = await testApp.app.listen();
    });
    afterAll(() => testApp.close());

    it('are refused with 401, pointing at the protected-resource metadata', async () => {
      const response = await postInitialize(url);
      expect(response.status).toBe(401);
      const challenge = response.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(
        /^Bearer resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/mcp"$/,
      );
      const put = await fetch(`${url}/mcp`, { method: 'PUT' });
      expect(put.status).toBe(401);
      expect(put.headers.get('www-authenticate')).toBe(challenge);
      const metadata = await (await fetch(`${url}/.well-known/oauth-protected-resource/mcp`)).json();
      expect(metadata).toMatchObject({
        resource: expect.stringMatching(/\/mcp$/),
        scopes_supported: ['mcp'],
        authorization_servers: [expect.any(String)],
      });
    });
  });

  describe('in fixture mode', () => {
    let testApp: TestApp;
    let url: string;
    let aliceKey: string;
    beforeAll(async () => {
      testApp = await buildTestApp(kind, { settings: { mcpFixtures: 'true' } });
      url = await testApp.app.listen();
      await seedUser(testApp.app, { email: 'alice@example.com' });
      aliceKey = (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'), ['mcp']))
        .key;
    });
    afterAll(() => testApp.close());

    it('act as the one fixture user, apart from users who send credentials', async () => {
      const anonymous = await connect(url);
      await anonymous.listTools();
      const added = await anonymous.callTool({ name: 'add_task', arguments: { title: 'Fixture task' } });
      const taskId = (added.structuredContent as { task: { id: string } }).task.id;

      const fixture = await testApp.app.identity.users.findByEmail(systemActor, fixtureUserEmail);
      expect(fixture.role).toBe('user');
      const owned = await testApp.app.tasks.list(actingAs({ userId: fixture.id, role: 'user' }), {});
      expect(owned.items.map((task) => task.id)).toEqual([taskId]);

      const again = await connect(url); // a second session finds the same user
      expect(JSON.stringify(await again.callTool({ name: 'list_tasks', arguments: {} }))).toContain(taskId);
      const alice = await connect(url, aliceKey);
      expect(JSON.stringify(await alice.callTool({ name: 'list_tasks', arguments: {} }))).not.toContain(
        taskId,
      );
    });

    it('still refuses a credential that does not check out', async () => {
      expect((await postInitialize(url, 'sb_not_a_key')).status).toBe(401);
    });

    it('sends fixture tools’ log messages only at or above the level the client set', async () => {
      const client = await connect(url);
      const logs: unknown[] = [];
      client.setNotificationHandler(LoggingMessageNotificationSchema, (message) => {
        logs.push(message.params.data);
      });
      await client.setLoggingLevel('warning');
      await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
      await client.setLoggingLevel('info');
      await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
      await new Promise((resolve) => setImmediate(resolve)); // the client runs notification handlers asynchronously
      expect(logs).toEqual(['Tool execution started', 'Tool processing data', 'Tool execution completed']);
    });
  });
});
