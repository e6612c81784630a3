import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { workflowToolPrefix } from '../../src/modules/workflows/index.js';
import { insertWorkflow } from '../helpers/workflows.js';
import { mcpResourceRows, type McpRowContext, mcpToolRows, toolsWithoutUserData } from './mcp-rows.js';

/** Every tool name on every page of tools/list. */
async function allToolNames(client: Client): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    names.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

describe('the isolation matrix over MCP', () => {
  let testApp: TestApp;
  let context: McpRowContext;
  let owner: Client;
  let other: Client;

  const connect = async (url: string, key: string) => {
    const client = new Client({ name: 'matrix', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    return client;
  };
  const mcpKey = async (email: string) =>
    (await createApiKey(testApp.app, await signIn(testApp.app, email), ['mcp'])).key;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', {
      settings: { fetchAllowedHosts: '127.0.0.1' },
      // With the durable engine: the owner's run_workflow starts a real run, and answering an
      // approval wakes its run.
      engine: true,
    });
    const url = await testApp.app.listen();
    const ownerUser = await seedUser(testApp.app, { email: 'owner@example.com' });
    await seedUser(testApp.app, { email: 'other@example.com' });
    context = { app: testApp.app, owner: actingAs({ userId: ownerUser.id, role: 'user', via: 'mcp' }) };
    owner = await connect(url, await mcpKey('owner@example.com'));
    other = await connect(url, await mcpKey('other@example.com'));
  });
  afterAll(async () => {
    await Promise.all([owner.close(), other.close()]);
    await testApp.close();
  });

  it('has a row for every tool', async () => {
    const listed = new Set([...mcpToolRows.map((row) => row.tool), ...toolsWithoutUserData]);
    const { tools } = await owner.listTools();
    // A user's published workflows (workflow__<name>) and teams (team__<name>) are theirs alone:
    // checked by the tests below.
    const fixed = tools
      .map((tool) => tool.name)
      .filter((name) => !name.startsWith(workflowToolPrefix) && !name.startsWith('team__'));
    expect(fixed.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('a published workflow: listed and callable by its owner, unlisted and unknown to another user', async () => {
    await insertWorkflow(testApp.app, context.owner.userId, {
      name: 'owner-only-flow',
      description: 'owner-only words',
      steps: [{ id: 'note', kind: 'tool', tool: 'add_task', input: { title: 'From the flow' } }],
    });
    const name = `${workflowToolPrefix}owner-only-flow`;
    expect(await allToolNames(other)).not.toContain(name);
    const asOther = await other.callTool({ name, arguments: {} }).catch((error: Error) => error);
    expect(asOther).toBeInstanceOf(Error);
    expect(JSON.stringify(asOther)).not.toContain('owner-only');
    expect(await allToolNames(owner)).toContain(name);
    const asOwner = (await owner.callTool({ name, arguments: {} })) as CallToolResult;
    expect(asOwner.isError, JSON.stringify(asOwner)).toBeFalsy();
  });

  it('a team: team__<name> listed and callable by its owner, unlisted and unknown to another user', async () => {
    const member = await testApp.app.agents.create(context.owner, {
      name: 'owner-only-member',
      description: 'owner-only words',
    });
    await testApp.app.agentCoop.teams.create(context.owner, {
      name: 'owner-only-team',
      description: 'owner-only words',
      pattern: 'vote',
      members: [{ agent: member.id }],
    });
    const name = 'team__owner-only-team';
    expect(await allToolNames(other)).not.toContain(name);
    const asOther = await other
      .callTool({ name, arguments: { input: 'Say hello' } })
      .then((result) => result as CallToolResult)
      .catch((error: Error) => error);
    if (!(asOther instanceof Error)) expect(asOther.isError).toBe(true);
    expect(JSON.stringify(asOther)).not.toContain('owner-only words');
    expect(await allToolNames(owner)).toContain(name);
    const asOwner = (await owner.callTool({ name, arguments: { input: 'Say hello' } })) as CallToolResult;
    expect(asOwner.isError, JSON.stringify(asOwner)).toBeFalsy();
  });

  it.each(mcpToolRows)('$tool: hidden from another user, served to the owner', async (row) => {
    const args = await row.arguments(context);
    const asOther = (await other.callTool({ name: row.tool, arguments: args })) as CallToolResult;
    const text = JSON.stringify(asOther);
    if (row.otherUser === 'not_found') {
      expect(asOther.isError, text).toBe(true);
      expect(text).toMatch(/_NOT_FOUND/);
    } else {
      expect(asOther.isError, text).toBeFalsy();
    }
    expect(text).not.toContain('owner-only');
    expect(text).not.toContain(context.owner.userId);

    const asOwner = (await owner.callTool({ name: row.tool, arguments: args })) as CallToolResult;
    expect(asOwner.isError, JSON.stringify(asOwner)).toBeFalsy();
  });

  it.each(mcpResourceRows)(
    'a $kind: unreadable and unlisted for another user, readable by the owner',
    async (row) => {
      const uri = await row.uri(context);
      const refused = await other.readResource({ uri }).catch((error: { code?: number }) => error);
      expect((refused as { code?: number }).code).toBe(-32002);
      const listed = await other.listResources();
      expect(listed.resources.map((resource) => resource.uri)).not.toContain(uri);
      const read = await owner.readResource({ uri });
      expect(read.contents.length).toBeGreaterThan(0);
    },
  );
});
