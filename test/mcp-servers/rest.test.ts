import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { startMcpTestServer } from '../helpers/mcp-test-server.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('MCP servers over REST on %s', (kind) => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let adminKeyWithoutAdminScope: ReturnType<typeof as>;
  let remote: Awaited<ReturnType<typeof startMcpTestServer>>;

  beforeAll(async () => {
    remote = await startMcpTestServer({ token: 's3cret-token' });
    testApp = await buildTestApp(kind, { settings: { fetchAllowedHosts: '127.0.0.1' } });
    const app = testApp.app;
    await seedUser(app, { email: 'alice@example.com' });
    await seedUser(app, { email: 'bob@example.com' });
    await seedUser(app, { email: 'admin@example.com', role: 'admin' });
    alice = as(app, { cookie: await signIn(app, 'alice@example.com') });
    bob = as(app, { cookie: await signIn(app, 'bob@example.com') });
    const adminCookie = await signIn(app, 'admin@example.com');
    admin = as(app, { cookie: adminCookie });
    adminKeyWithoutAdminScope = as(app, {
      key: (await createApiKey(app, adminCookie, ['api:read', 'api:write'])).key,
    });
  });
  afterAll(async () => {
    await testApp.close();
    await remote.stop();
  });

  const add = (caller: ReturnType<typeof as>, payload: object) =>
    caller({ method: 'POST', url: '/api/v1/mcp-servers', payload });

  it('adds an http server and never shows its header values', async () => {
    const created = await add(alice, {
      name: 'docs',
      url: remote.url,
      headers: { Authorization: 'Bearer s3cret-token' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'docs',
      transport: 'http',
      url: remote.url,
      headers: { Authorization: '********' },
      enabled: true,
      status: { state: 'unknown', message: null, tool_count: null, checked_at: null },
    });
    const { id } = created.json();
    for (const response of [
      created,
      await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` }),
      await alice({ method: 'GET', url: '/api/v1/mcp-servers' }),
      await alice({ method: 'PATCH', url: `/api/v1/mcp-servers/${id}`, payload: { enabled: true } }),
    ]) {
      expect(response.statusCode).toBeLessThan(300);
      expect(response.body).not.toContain('s3cret-token');
    }
  });

  it('lists its tools namespaced, with their schemas and whether they destroy, and the status', async () => {
    const { id } = (
      await add(alice, { name: 'tooled', url: remote.url, headers: { Authorization: 'Bearer s3cret-token' } })
    ).json();
    const tools = await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}/tools` });
    expect(tools.statusCode, tools.body).toBe(200);
    const names = tools.json().items.map((tool: { name: string }) => tool.name);
    expect(names).toEqual([
      'tooled__echo',
      'tooled__wipe',
      'tooled__slow',
      'tooled__fail',
      'tooled__greeting',
    ]);
    const [echo, wipe] = tools.json().items;
    expect(echo).toMatchObject({ tool_name: 'echo', title: 'Echo', destructive: false });
    expect(echo.input_schema).toMatchObject({ type: 'object', required: ['text'] });
    expect(wipe.destructive).toBe(true);
    expect(tools.json().status).toMatchObject({ state: 'connected', message: null, tool_count: 5 });
    const shown = await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` });
    expect(shown.json().status.state).toBe('connected');
    expect(Date.parse(shown.json().status.checked_at)).not.toBeNaN();
  });

  it('says why a server does not answer, without failing the request', async () => {
    const { id } = (await add(alice, { name: 'no-token', url: remote.url })).json();
    const tools = await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}/tools` });
    expect(tools.statusCode).toBe(200);
    expect(tools.json().items).toEqual([]);
    expect(tools.json().status.state).toBe('error');
    expect(tools.json().status.message).toContain('401');
  });

  it('keeps a stored header when the masked value comes back, and replaces it when a new one does', async () => {
    const { id } = (
      await add(alice, { name: 'rotated', url: remote.url, headers: { Authorization: 'Bearer wrong' } })
    ).json();
    const fixed = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { headers: { Authorization: 'Bearer s3cret-token' } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const renamed = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { name: 'rotated-again', headers: { Authorization: '********' } },
    });
    expect(renamed.json().name).toBe('rotated-again');
    const refreshed = await alice({ method: 'POST', url: `/api/v1/mcp-servers/${id}/refresh` });
    expect(refreshed.json().status).toMatchObject({ state: 'connected', tool_count: 5 });
  });

  it('pages through the owner’s servers, newest first', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await add(bob, { name, url: remote.url });
    const first = await bob({ method: 'GET', url: '/api/v1/mcp-servers?limit=2' });
    expect(first.json().items.map((server: { name: string }) => server.name)).toEqual(['page-c', 'page-b']);
    const rest = await bob({
      method: 'GET',
      url: `/api/v1/mcp-servers?limit=2&cursor=${first.json().next_cursor}`,
    });
    expect(rest.json().items.map((server: { name: string }) => server.name)).toEqual(['page-a']);
    expect(rest.json().next_cursor).toBeNull();
  });

  it('does not let another user see, use, change or delete a server', async () => {
    const { id } = (await add(alice, { name: 'private', url: remote.url })).json();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/mcp-servers/${id}`],
      ['GET', `/api/v1/mcp-servers/${id}/tools`],
      ['POST', `/api/v1/mcp-servers/${id}/refresh`],
      ['PATCH', `/api/v1/mcp-servers/${id}`, { name: 'hijacked' }],
      ['DELETE', `/api/v1/mcp-servers/${id}`],
    ] as const) {
      const response = await bob({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('MCP_SERVER_NOT_FOUND');
    }
    const bobs = await bob({ method: 'GET', url: '/api/v1/mcp-servers?limit=100' });
    expect(bobs.json().items.map((server: { id: string }) => server.id)).not.toContain(id);
    expect((await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` })).json().name).toBe('private');
  });

  it('refuses a bad name, a name taken, a missing URL and fields of the other transport', async () => {
    const badName = await add(alice, { name: 'Bad Name', url: remote.url });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const taken = await add(alice, { name: 'docs', url: remote.url });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'MCP_SERVER_NAME_TAKEN', field: 'name' });
    const noUrl = await add(alice, { name: 'nourl' });
    expect(noUrl.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'url' });
    const mixed = await add(alice, { name: 'mixed', url: remote.url, command: 'node' });
    expect(mixed.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'command' });
    const reserved = await add(alice, {
      name: 'reserved',
      url: remote.url,
      headers: { 'Mcp-Session-Id': 'x' },
    });
    expect(reserved.json().error.code).toBe('INVALID_INPUT');
    const { id } = (await add(alice, { name: 'http-only', url: remote.url })).json();
    const patched = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { command: 'node' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'command' });
    const renamedOntoTaken = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { name: 'docs' },
    });
    expect(renamedOntoTaken.json().error.code).toBe('MCP_SERVER_NAME_TAKEN');
  });

  it('refuses the names whose tools would shadow agents’, teams’, workflows’ and A2A agents’ tools', async () => {
    for (const name of ['agent', 'team', 'workflow', 'a2a']) {
      const refused = await add(alice, { name, url: remote.url });
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'MCP_SERVER_NAME_RESERVED', field: 'name' });
    }
    const { id } = (await add(alice, { name: 'agents', url: remote.url })).json();
    const renamed = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { name: 'team' },
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error).toMatchObject({ code: 'MCP_SERVER_NAME_RESERVED', field: 'name' });
    expect((await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` })).json().name).toBe('agents');
    const list = await alice({ method: 'GET', url: '/api/v1/mcp-servers?limit=100' });
    expect(list.json().items.map((server: { name: string }) => server.name)).not.toContain('agent');
  });

  it('refuses internal addresses that FETCH_ALLOWED_HOSTS does not allow, on create and on change', async () => {
    for (const url of ['http://10.1.2.3/mcp', 'http://169.254.169.254/latest', 'http://[::1]:8080/mcp']) {
      const refused = await add(alice, { name: 'internal', url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'URL_NOT_ALLOWED', field: 'url' });
    }
    const { id } = (await add(alice, { name: 'moving', url: remote.url })).json();
    const moved = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { url: 'http://192.168.1.1/mcp' },
    });
    expect(moved.json().error.code).toBe('URL_NOT_ALLOWED');
    expect((await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` })).json().url).toBe(remote.url);
  });

  it('lets only an admin with the admin scope add a stdio server, and masks its environment', async () => {
    const stdio = {
      name: 'local',
      transport: 'stdio',
      command: 'node',
      args: ['server.js'],
      env: { TOKEN: 'hidden-value' },
    };
    const byUser = await add(alice, stdio);
    expect(byUser.statusCode).toBe(403);
    expect(byUser.json().error.code).toBe('MCP_STDIO_ADMIN_ONLY');
    expect((await add(adminKeyWithoutAdminScope, stdio)).json().error.code).toBe('MCP_STDIO_ADMIN_ONLY');
    const byAdmin = await add(admin, stdio);
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json()).toMatchObject({
      transport: 'stdio',
      command: 'node',
      args: ['server.js'],
      env: { TOKEN: '********' },
      url: null,
    });
    expect(byAdmin.body).not.toContain('hidden-value');
  });

  it('deletes a server for good', async () => {
    const { id } = (await add(alice, { name: 'doomed', url: remote.url })).json();
    expect((await alice({ method: 'DELETE', url: `/api/v1/mcp-servers/${id}` })).statusCode).toBe(204);
    expect((await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}` })).statusCode).toBe(404);
  });
});
