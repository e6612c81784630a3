import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  ErrorCode,
  ReadResourceResultSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { killChildren, projectRoot, startServer } from '../helpers/child-process.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `switchboard mcp` from source, as Claude Desktop would start it. */
function stdioClient(env: Record<string, string>) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/switchboard.ts'), 'mcp'],
    cwd: projectRoot,
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
  });
  const stderr: string[] = [];
  transport.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  return { client: new Client({ name: 'stdio-test', version: '1.0.0' }), transport, stderr };
}

const taskTitles = (result: unknown) =>
  (result as { structuredContent: { items: { title: string }[] } }).structuredContent.items.map(
    (task) => task.title,
  );

describe('switchboard mcp over stdio', () => {
  let database: TestDatabase;
  let apiKey: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const app = await createApp({
      config: testConfig(database.settings),
      logger: createLogger({ level: 'silent' }),
    });
    await seedUser(app, { email: 'desk@example.com' });
    apiKey = (await createApiKey(app, await signIn(app, 'desk@example.com'), ['mcp'])).key;
    await app.close();
  });
  afterAll(async () => {
    killChildren();
    await database.drop();
  });

  it('serves from the database itself when no server runs', async () => {
    const { client, transport } = stdioClient({
      ...database.env,
      SWITCHBOARD_API_KEY: apiKey,
      SWITCHBOARD_URL: 'http://127.0.0.1:9',
    });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('add_task');
    await client.callTool({ name: 'add_task', arguments: { title: 'Written over stdio' } });
    expect(taskTitles(await client.callTool({ name: 'list_tasks', arguments: {} }))).toEqual([
      'Written over stdio',
    ]);

    // Resources, and their notifications, in local mode too.
    const saved = await client.callTool({
      name: 'create_note',
      arguments: { name: 'Desk note', content: 'v1' },
    });
    const { uri, document_id } = (
      saved.structuredContent as { document: { uri: string; document_id: string } }
    ).document;
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toContain(uri);
    expect((await client.readResource({ uri })).contents).toEqual([
      { uri, mimeType: 'text/markdown', text: 'v1' },
    ]);
    // A malformed request is the client's mistake (-32602 naming the field), not an internal error.
    const malformed = client.request(
      { method: 'resources/read', params: {} } as never,
      ReadResourceResultSchema,
    );
    await expect(malformed).rejects.toMatchObject({ code: ErrorCode.InvalidParams, message: /params\.uri/ });
    await client.subscribeResource({ uri });
    const updated = new Promise<string>((resolve) =>
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) =>
        resolve(notification.params.uri),
      ),
    );
    await client.callTool({ name: 'read_document', arguments: { document_id } });
    const task = await client.callTool({ name: 'add_task', arguments: { title: 'Watched' } });
    const taskUri = `switchboard://tasks/${(task.structuredContent as { task: { id: string } }).task.id}`;
    await client.subscribeResource({ uri: taskUri });
    await client.callTool({
      name: 'complete_task',
      arguments: { task_id: (task.structuredContent as { task: { id: string } }).task.id },
    });
    expect(await updated).toBe(taskUri);
    await client.callTool({ name: 'delete_task', arguments: { task_id: taskUri.split('/').pop() } });
    await client.close();
  });

  it('relays to a running server, as the same user', async () => {
    const server = await startServer(database.env);
    try {
      const { client, transport } = stdioClient({
        SWITCHBOARD_API_KEY: apiKey,
        SWITCHBOARD_URL: server.url,
        DATA_DIR: '/nonexistent',
      });
      await client.connect(transport);
      await client.callTool({ name: 'add_task', arguments: { title: 'Relayed' } });
      expect(taskTitles(await client.callTool({ name: 'list_tasks', arguments: {} }))).toEqual([
        'Relayed',
        'Written over stdio',
      ]);
      await client.close();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('carries on when the server restarts and has forgotten the session', async () => {
    const port = await freePort();
    let server = await startServer({ ...database.env, PORT: String(port) });
    const { client, transport } = stdioClient({
      SWITCHBOARD_API_KEY: apiKey,
      SWITCHBOARD_URL: server.url,
      DATA_DIR: '/nonexistent',
    });
    try {
      await client.connect(transport);
      await client.callTool({ name: 'add_task', arguments: { title: 'Before the restart' } });
      server.child.kill('SIGTERM');
      await server.exited;
      server = await startServer({ ...database.env, PORT: String(port) });
      await client.callTool({ name: 'add_task', arguments: { title: 'After the restart' } });
      expect(taskTitles(await client.callTool({ name: 'list_tasks', arguments: { limit: 2 } }))).toEqual([
        'After the restart',
        'Before the restart',
      ]);
      await client.close();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('says what is wrong with a missing or bad key, on stderr', async () => {
    const missing = stdioClient({
      ...database.env,
      SWITCHBOARD_API_KEY: '',
      SWITCHBOARD_URL: 'http://127.0.0.1:9',
    });
    await expect(missing.client.connect(missing.transport)).rejects.toThrow();
    expect(missing.stderr.join('')).toContain('SWITCHBOARD_API_KEY');

    const bad = stdioClient({
      ...database.env,
      SWITCHBOARD_API_KEY: 'sb_not-a-real-key',
      SWITCHBOARD_URL: 'http://127.0.0.1:9',
    });
    await expect(bad.client.connect(bad.transport)).rejects.toThrow();
    expect(bad.stderr.join('')).toContain('This API key is unknown, revoked or expired');
  });
});
