import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatHarness, startChatHarness } from '../chat/chat-harness.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { startMcpTestServer } from '../helpers/mcp-test-server.js';
import { uiChunks } from '../helpers/sse.js';

/**
 * The tools a switched-off feature brings leave the surfaces that offer them: the chat (and agent
 * runs, through the same hub) and REST's tool route. (Users' MCP servers' tools are not offered
 * over our own /mcp.)
 */
describe('external MCP servers switched off', () => {
  let harness: ChatHarness;
  let remote: Awaited<ReturnType<typeof startMcpTestServer>>;
  let adminCookie: string;

  const setExternalServers = async (enabled: boolean) => {
    const response = await as(harness.testApp.app, { cookie: adminCookie })({
      method: 'PUT',
      url: '/api/v1/admin/features',
      payload: { external_mcp_servers: enabled },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    remote = await startMcpTestServer();
    harness = await startChatHarness({ fetchAllowedHosts: '127.0.0.1' });
    await seedUser(harness.testApp.app, { email: 'admin@example.com', role: 'admin' });
    adminCookie = await signIn(harness.testApp.app, 'admin@example.com');
    const added = await harness.request('alice', '/api/v1/mcp-servers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fixture', url: remote.url }),
    });
    expect(added.status).toBe(201);
  });
  afterAll(async () => {
    await harness.close();
    await remote.stop();
  });

  it('takes them off the chat and the REST tool route once an admin switches it off, and back on', async () => {
    await setExternalServers(false);
    try {
      harness.model.script({ text: 'No tools of yours today.' });
      await uiChunks(await harness.chat('alice', { message: 'echo ping' }));
      expect(harness.model.requests.at(-1)?.tools).not.toContain('fixture__echo');
      expect(harness.model.requests.at(-1)?.tools).toContain('add_task');

      const called = await harness.request('alice', '/api/v1/tools/fixture__echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'ping' }),
      });
      expect(called.status).toBe(404);

      const listed = await harness.request('alice', '/api/v1/mcp-servers');
      expect(listed.status).toBe(403);
      expect(((await listed.json()) as { error: { code: string } }).error.code).toBe('FEATURE_DISABLED');
    } finally {
      await setExternalServers(true);
    }
    harness.model.script({ text: 'Back.' });
    await uiChunks(await harness.chat('alice', { message: 'echo ping' }));
    expect(harness.model.requests.at(-1)?.tools).toContain('fixture__echo');
  });
});
