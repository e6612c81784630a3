import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { createMcpClientHub, type ExternalTool } from '../../src/mcp/client-hub.js';
import { mcpServers } from '../../src/modules/mcp-servers/table.js';
import { systemClock } from '../../src/clock.js';
import { fetchPolicyFrom } from '../../src/net/fetch-url.js';
import { projectRoot } from '../helpers/child-process.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { startMcpTestServer } from '../helpers/mcp-test-server.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const named = (tools: ExternalTool[], name: string) => {
  const tool = tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool ${name} among ${tools.map((each) => each.name).join(', ')}`);
  return tool;
};
const signal = () => new AbortController().signal;

/** A plain HTTP server that counts requests and answers each as `answer` says (or never). */
async function startCountingServer(answer: (response: http.ServerResponse) => void) {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    request.resume();
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`,
    requests: () => requests,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('the MCP client hub', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;
  let adminActor: UserActor;
  let asAlice: ReturnType<typeof as>;
  let asAdmin: ReturnType<typeof as>;
  let steady: Awaited<ReturnType<typeof startMcpTestServer>>;
  let fragile: Awaited<ReturnType<typeof startMcpTestServer>>;

  beforeAll(async () => {
    steady = await startMcpTestServer();
    fragile = await startMcpTestServer();
    testApp = await buildTestApp('embedded', {
      settings: { fetchAllowedHosts: '127.0.0.1', mcpCallTimeoutMs: '1000' },
    });
    const app = testApp.app;
    const users = await Promise.all([
      seedUser(app, { email: 'alice@example.com' }),
      seedUser(app, { email: 'bob@example.com' }),
      seedUser(app, { email: 'admin@example.com', role: 'admin' }),
    ]);
    [alice, bob, adminActor] = users.map((user) =>
      actingAs({ userId: user.id, role: user.role === 'admin' ? 'admin' : 'user', via: 'chat' }),
    ) as [UserActor, UserActor, UserActor];
    asAlice = as(app, { cookie: await signIn(app, 'alice@example.com') });
    asAdmin = as(app, { cookie: await signIn(app, 'admin@example.com') });
    await asAlice({
      method: 'POST',
      url: '/api/v1/mcp-servers',
      payload: { name: 'steady', url: steady.url },
    });
  });
  afterAll(async () => {
    await testApp.close();
    await Promise.all([steady.stop(), fragile.stop().catch(() => {})]);
  });

  it('gives the owner’s assistant each server’s tools, namespaced, and calls them', async () => {
    const tools = await testApp.app.mcpClients.toolsFor(alice);
    expect(tools.map((tool) => tool.name)).toEqual([
      'steady__echo',
      'steady__wipe',
      'steady__slow',
      'steady__fail',
      'steady__greeting',
    ]);
    const echo = named(tools, 'steady__echo');
    expect(echo).toMatchObject({ title: 'Echo', description: 'Says the text back', destructive: false });
    expect(echo.inputSchema).toMatchObject({ type: 'object', properties: { text: { type: 'string' } } });
    expect(named(tools, 'steady__wipe').destructive).toBe(true);

    const result = await echo.call({ text: 'hello' }, signal());
    expect(result).toEqual({
      content: [{ type: 'text', text: 'hello' }],
      structuredContent: { text: 'hello' },
      isError: false,
    });
    const wiped = await named(tools, 'steady__wipe').call({}, signal());
    expect(wiped.structuredContent).toEqual({ text: 'wiped' });
  });

  it('audits and announces each call under its namespaced name', async () => {
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('tool.called', (event) => void events.push(event));
    await named(await testApp.app.mcpClients.toolsFor(alice), 'steady__echo').call({ text: 'x' }, signal());
    await expect
      .poll(() => events.map((event) => event.data))
      .toContainEqual(expect.objectContaining({ tool: 'steady__echo', status: 'success', surface: 'chat' }));
    stop();
    await testApp.app.identity.audit.flush();
    const audit = await testApp.app.identity.audit.list(adminActor, { action: 'tool.call' });
    expect(audit.items.map((entry) => entry.subject)).toContain('steady__echo');
  });

  it('turns a tool’s failure, a bad call, a timeout and a cancellation into MCP_SERVER_ERROR results', async () => {
    const tools = await testApp.app.mcpClients.toolsFor(alice);
    const failed = await named(tools, 'steady__fail').call({}, signal());
    expect(failed.isError).toBe(true);
    expect(failed.structuredContent).toMatchObject({ error_code: 'MCP_SERVER_ERROR' });
    expect(failed.structuredContent.message).toContain('the fixture failed on purpose');

    const badArguments = await named(tools, 'steady__echo').call({ text: 42 }, signal());
    expect(badArguments.structuredContent.error_code).toBe('MCP_SERVER_ERROR');

    const late = await named(tools, 'steady__slow').call({ ms: 3000 }, signal());
    expect(late.structuredContent).toMatchObject({ error_code: 'MCP_SERVER_ERROR' });
    expect(late.structuredContent.message).toContain('within 1 s');

    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await named(tools, 'steady__slow').call({ ms: 800 }, controller.signal);
    expect(cancelled.structuredContent.message).toContain('cancelled');
    expect(Date.now() - started).toBeLessThan(700);

    // The server is still fine after all that.
    expect((await named(tools, 'steady__echo').call({ text: 'still here' }, signal())).isError).toBe(false);
  });

  it('leaves a stopped server’s tools out, says why, and never throws', async () => {
    const created = await asAlice({
      method: 'POST',
      url: '/api/v1/mcp-servers',
      payload: { name: 'fragile', url: fragile.url },
    });
    const { id } = created.json();
    const before = await testApp.app.mcpClients.toolsFor(alice);
    expect(before.map((tool) => tool.name)).toContain('fragile__echo');

    await fragile.stop();
    const stale = await named(before, 'fragile__echo').call({ text: 'anyone?' }, signal());
    expect(stale.isError).toBe(true);
    expect(stale.structuredContent.error_code).toBe('MCP_SERVER_ERROR');

    const refreshed = await asAlice({ method: 'POST', url: `/api/v1/mcp-servers/${id}/refresh` });
    expect(refreshed.json().status).toMatchObject({ state: 'error', tool_count: null });
    expect(refreshed.json().status.message).toMatch(/ECONNREFUSED|fetch failed|connect/i);
    const after = await testApp.app.mcpClients.toolsFor(alice);
    expect(after.some((tool) => tool.name.startsWith('fragile__'))).toBe(false);
    expect(after.map((tool) => tool.name)).toContain('steady__echo');
  });

  it('gives another user none of the owner’s tools, and stops a disabled server’s', async () => {
    expect(await testApp.app.mcpClients.toolsFor(bob)).toEqual([]);
    const { id } = (
      await asAlice({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'paused', url: steady.url },
      })
    ).json();
    expect((await testApp.app.mcpClients.toolsFor(alice)).map((tool) => tool.name)).toContain('paused__echo');
    const disabled = await asAlice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { enabled: false },
    });
    expect(disabled.json().status).toMatchObject({ state: 'unknown', message: 'The server is disabled' });
    const tools = await testApp.app.mcpClients.toolsFor(alice);
    expect(tools.some((tool) => tool.name.startsWith('paused__'))).toBe(false);
  });

  it('keeps a server stored before its name became reserved off, and says why, until it is renamed', async () => {
    const app = testApp.app;
    const carol = await seedUser(app, { email: 'carol@example.com' });
    const asCarol = as(app, { cookie: await signIn(app, 'carol@example.com') });
    const carolActor = actingAs({ userId: carol.id, role: 'user', via: 'chat' });
    const now = new Date();
    // As an instance from before `agent` was reserved stored it: the service now refuses the name.
    await app.database.db.insert(mcpServers).values({
      id: 'legacy-agent-server',
      ownerId: carol.id,
      name: 'agent',
      transport: 'http',
      url: steady.url,
      headers: {},
      args: [],
      env: {},
      enabled: true,
      createdAt: now,
      updatedAt: now,
    });

    expect((await app.mcpClients.toolsFor(carolActor)).map((tool) => tool.name)).toEqual([]);
    const reserved = {
      state: 'error',
      code: 'MCP_SERVER_NAME_RESERVED',
      message: expect.stringContaining('"agent" is now reserved'),
    };
    const listed = await asCarol({ method: 'GET', url: '/api/v1/mcp-servers' });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ name: 'agent', status: expect.objectContaining(reserved) }),
    ]);
    const tools = await asCarol({ method: 'GET', url: '/api/v1/mcp-servers/legacy-agent-server/tools' });
    expect(tools.json()).toEqual({ items: [], status: expect.objectContaining(reserved) });

    const renamed = await asCarol({
      method: 'PATCH',
      url: '/api/v1/mcp-servers/legacy-agent-server',
      payload: { name: 'helper' },
    });
    expect(renamed.json().status.code).toBeNull();
    expect((await app.mcpClients.toolsFor(carolActor)).map((tool) => tool.name)).toContain('helper__echo');
  });

  it('runs an admin’s stdio server with its environment, and ends it when the server is deleted', async () => {
    const created = await asAdmin({
      method: 'POST',
      url: '/api/v1/mcp-servers',
      payload: {
        name: 'local',
        transport: 'stdio',
        command: process.execPath,
        args: ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/mcp-stdio-server.ts')],
        env: { FIXTURE_GREETING: 'hello from the environment' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const tools = await testApp.app.mcpClients.toolsFor(adminActor);
    const greeting = await named(tools, 'local__greeting').call({}, signal());
    expect(greeting.structuredContent).toEqual({ text: 'hello from the environment' });
    expect(testApp.app.mcpClients.status(id)).toMatchObject({ state: 'connected', tool_count: 5 });

    expect((await asAdmin({ method: 'DELETE', url: `/api/v1/mcp-servers/${id}` })).statusCode).toBe(204);
    expect(testApp.app.mcpClients.status(id).state).toBe('unknown');
    const gone = await named(tools, 'local__greeting').call({}, signal());
    expect(gone.structuredContent.message).toContain('changed or removed');
  });

  it('says why a stdio command cannot start', async () => {
    const { id } = (
      await asAdmin({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'missing', transport: 'stdio', command: '/nonexistent/program' },
      })
    ).json();
    const tools = await asAdmin({ method: 'GET', url: `/api/v1/mcp-servers/${id}/tools` });
    expect(tools.json().items).toEqual([]);
    expect(tools.json().status).toMatchObject({ state: 'error' });
    expect(tools.json().status.message).toContain('ENOENT');
  });

  it('leaves a failing server alone for a while after a failure, and tries again at once on refresh', async () => {
    const failing = await startCountingServer((response) => response.writeHead(503).end('down'));
    const { id } = (
      await asAlice({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'flaky', url: failing.url },
      })
    ).json();
    await testApp.app.mcpClients.toolsFor(alice);
    const afterFirst = failing.requests();
    expect(afterFirst).toBeGreaterThan(0);
    expect(testApp.app.mcpClients.status(id)).toMatchObject({ state: 'error' });
    expect(testApp.app.mcpClients.status(id).message).toContain('503');
    await testApp.app.mcpClients.toolsFor(alice);
    expect(failing.requests()).toBe(afterFirst);
    await asAlice({ method: 'POST', url: `/api/v1/mcp-servers/${id}/refresh` });
    expect(failing.requests()).toBeGreaterThan(afterFirst);
    await asAlice({ method: 'DELETE', url: `/api/v1/mcp-servers/${id}` });
    failing.stop();
  });

  it('gives up on a server that never answers after the connect timeout, keeping the others’ tools', async () => {
    const silent = await startCountingServer(() => {});
    const app = testApp.app;
    const hub = createMcpClientHub({
      servers: app.mcpServers,
      audit: app.identity.audit,
      bus: app.bus,
      clock: systemClock,
      logger: app.logger,
      fetchPolicy: fetchPolicyFrom(app.config),
      timings: { connectTimeoutMs: 300 },
    });
    const { id } = (
      await asAlice({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'silent', url: silent.url },
      })
    ).json();
    const started = Date.now();
    const tools = await hub.toolsFor(alice);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(tools.map((tool) => tool.name)).toContain('steady__echo');
    expect(tools.some((tool) => tool.name.startsWith('silent__'))).toBe(false);
    expect(hub.status(id)).toMatchObject({ state: 'error', message: 'It did not answer within 0.3 s' });
    await hub.close();
    await asAlice({ method: 'DELETE', url: `/api/v1/mcp-servers/${id}` });
    silent.stop();
  });
});
