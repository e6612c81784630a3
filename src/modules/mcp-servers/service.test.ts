import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { databaseKinds } from '../../../test/helpers/test-database.js';
import { actingAs, type UserActor } from '../../actor.js';
import type { AnyBusEvent } from '../../bus/events.js';
import { McpServerNotFoundError, StdioServerAdminOnlyError } from './errors.js';
import type { McpServerService } from './service.js';

describe.each(databaseKinds)('the MCP server service on %s', (kind) => {
  let testApp: TestApp;
  let servers: McpServerService;
  let alice: UserActor;
  let bob: UserActor;
  let admin: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp(kind, { settings: { fetchAllowedHosts: '127.0.0.1' } });
    servers = testApp.app.mcpServers;
    const seed = async (email: string, role: 'user' | 'admin' = 'user') =>
      actingAs({ userId: (await seedUser(testApp.app, { email, role })).id, role, via: 'http' });
    [alice, bob, admin] = [
      await seed('alice@example.com'),
      await seed('bob@example.com'),
      await seed('admin@example.com', 'admin'),
    ];
  });
  afterAll(() => testApp.close());

  const httpServer = (name: string) => ({
    name,
    url: 'http://127.0.0.1:9/mcp',
    headers: { 'X-Key': 'k-123' },
  });

  it('announces each change without its secrets', async () => {
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('mcp_server.*', (event) => void events.push(event));
    const server = await servers.create(alice, httpServer('announced'));
    await servers.update(alice, server.id, { enabled: false });
    await servers.delete(alice, server.id);
    expect(events.map((event) => event.type)).toEqual([
      'mcp_server.created',
      'mcp_server.updated',
      'mcp_server.deleted',
    ]);
    expect(events[1]?.data).toEqual({ server_id: server.id, owner_id: alice.userId, changes: ['enabled'] });
    expect(JSON.stringify(events)).not.toContain('k-123');
    stop();
  });

  it('gives the hub the owner’s enabled servers with their secrets, and nobody else’s', async () => {
    const kept = await servers.create(alice, httpServer('kept'));
    await servers.create(alice, { ...httpServer('off'), enabled: false });
    const configs = await servers.enabledFor(alice);
    expect(configs.map((config) => config.name)).toContain('kept');
    expect(configs.map((config) => config.name)).not.toContain('off');
    expect(configs.find((config) => config.id === kept.id)?.headers).toEqual({ 'X-Key': 'k-123' });
    expect(await servers.enabledFor(bob)).toEqual([]);
  });

  it('does not let another user see, change, delete, check or use a server', async () => {
    const server = await servers.create(alice, httpServer('mine'));
    for (const attempt of [
      () => servers.get(bob, server.id),
      () => servers.update(bob, server.id, { name: 'taken-over' }),
      () => servers.delete(bob, server.id),
      () => servers.status(bob, server.id),
      () => servers.tools(bob, server.id),
      () => servers.refresh(bob, server.id),
    ])
      await expect(attempt()).rejects.toBeInstanceOf(McpServerNotFoundError);
    expect((await servers.get(alice, server.id)).name).toBe('mine');
  });

  it('keeps stdio servers to admins, and does not run one whose owner is no longer an admin', async () => {
    const stdio = { name: 'tool', transport: 'stdio' as const, command: '/nonexistent/tool' };
    await expect(servers.create(alice, stdio)).rejects.toBeInstanceOf(StdioServerAdminOnlyError);
    const server = await servers.create(admin, stdio);
    const demoted = actingAs({ userId: admin.userId, role: 'user', via: 'http' });
    await expect(servers.update(demoted, server.id, { args: ['--x'] })).rejects.toBeInstanceOf(
      StdioServerAdminOnlyError,
    );
    const tools = await servers.tools(demoted, server.id);
    expect(tools).toEqual({
      items: [],
      status: expect.objectContaining({ state: 'error', message: expect.stringContaining('admin') }),
    });
    expect(await testApp.app.mcpClients.toolsFor(demoted)).toEqual([]);
    await servers.delete(demoted, server.id);
    await expect(servers.get(admin, server.id)).rejects.toBeInstanceOf(McpServerNotFoundError);
  });
});
