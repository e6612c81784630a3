import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPlaintextSecrets } from '../../src/modules/mcp-servers/index.js';
import { mcpServers } from '../../src/modules/mcp-servers/table.js';
import { createSecretBox } from '../../src/secrets/secret-box.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { startMcpTestServer } from '../helpers/mcp-test-server.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const authSecret = 'an auth secret of at least thirty-two characters';

describe('MCP server secrets at rest', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let remote: Awaited<ReturnType<typeof startMcpTestServer>>;

  beforeAll(async () => {
    remote = await startMcpTestServer({ token: 's3cret-token' });
    testApp = await buildTestApp('embedded', { settings: { fetchAllowedHosts: '127.0.0.1', authSecret } });
    await seedUser(testApp.app, { email: 'alice@example.com' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
  });
  afterAll(async () => {
    await testApp.close();
    await remote.stop();
  });

  const storedRow = async (id: string) => {
    const [row] = await testApp.app.database.db.select().from(mcpServers).where(eq(mcpServers.id, id));
    if (!row) throw new Error(`no row ${id}`);
    return row;
  };
  /** Its tools' names, from a new connection (refresh reconnects with what is stored now). */
  const toolNames = async (id: string) => {
    const refreshed = await alice({ method: 'POST', url: `/api/v1/mcp-servers/${id}/refresh` });
    expect(refreshed.json().status, refreshed.body).toMatchObject({ state: 'connected' });
    const tools = await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}/tools` });
    expect(tools.statusCode, tools.body).toBe(200);
    return tools.json().items.map((tool: { tool_name: string }) => tool.tool_name);
  };

  it('keeps header values encrypted in the database and still connects with them', async () => {
    const created = await alice({
      method: 'POST',
      url: '/api/v1/mcp-servers',
      payload: { name: 'sealed', url: remote.url, headers: { Authorization: 'Bearer s3cret-token' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const row = await storedRow(id);
    expect(JSON.stringify(row)).not.toContain('s3cret-token');
    expect(row.headers.Authorization).toMatch(/^enc:v1:/);
    expect(await toolNames(id)).toContain('echo');

    // A change that keeps the masked value keeps the secret, sealed afresh.
    const renamed = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { headers: { Authorization: '********' } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(JSON.stringify(await storedRow(id))).not.toContain('s3cret-token');
    expect(await toolNames(id)).toContain('echo');
  });

  it('still reads a value stored in plain text before, and seals it on the next write or start', async () => {
    const { id } = (
      await alice({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'legacy', url: remote.url, headers: { Authorization: 'Bearer wrong' } },
      })
    ).json();
    const { db } = testApp.app.database;
    const storePlain = () =>
      db
        .update(mcpServers)
        .set({ headers: { Authorization: 'Bearer s3cret-token' } })
        .where(eq(mcpServers.id, id));

    await storePlain();
    expect(await toolNames(id)).toContain('echo');
    await alice({ method: 'PATCH', url: `/api/v1/mcp-servers/${id}`, payload: { enabled: true } });
    expect(JSON.stringify(await storedRow(id))).not.toContain('s3cret-token');

    await storePlain();
    await sealPlaintextSecrets(db, createSecretBox(authSecret, 'switchboard mcp-server secrets v1'));
    expect((await storedRow(id)).headers.Authorization).toMatch(/^enc:v1:/);
    expect(await toolNames(id)).toContain('echo');
  });

  it('says so when a value cannot be decrypted, and takes it entered again', async () => {
    const { id } = (
      await alice({
        method: 'POST',
        url: '/api/v1/mcp-servers',
        payload: { name: 'rekeyed', url: remote.url, headers: { Authorization: 'Bearer s3cret-token' } },
      })
    ).json();
    // As if AUTH_SECRET had changed since the value was sealed.
    const otherKey = createSecretBox(
      'another auth secret of thirty-two characters',
      'switchboard mcp-server secrets v1',
    );
    await testApp.app.database.db
      .update(mcpServers)
      .set({
        headers: { Authorization: otherKey.seal('Bearer s3cret-token', `${id}/headers/Authorization`) },
      })
      .where(eq(mcpServers.id, id));
    const unreadable = await alice({ method: 'GET', url: `/api/v1/mcp-servers/${id}/tools` });
    expect(unreadable.statusCode).toBe(409);
    expect(unreadable.json().error.code).toBe('MCP_SERVER_SECRETS_UNREADABLE');
    const keptMasked = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { headers: { Authorization: '********' } },
    });
    expect(keptMasked.statusCode).toBe(409);
    const entered = await alice({
      method: 'PATCH',
      url: `/api/v1/mcp-servers/${id}`,
      payload: { headers: { Authorization: 'Bearer s3cret-token' } },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(await toolNames(id)).toContain('echo');
  });
});
