/**
 * The isolation rows of shared context (REST, MCP tools and the entry resource), spread into
 * rows.ts and mcp-rows.ts. Another user is not a member of the owner's spaces: every item route
 * and tool answers them CONTEXT_SPACE_NOT_FOUND.
 */
import type { UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { contextEntryUri } from '../../src/modules/context/index.js';
import type { McpResourceRow, McpRowContext, McpToolRow } from './mcp-rows.js';
import type { OwnedRow, Request, RowContext } from './rows.js';

const spaces = '/api/v1/context/spaces';
const key = 'findings/market';
const encodedKey = encodeURIComponent(key);

/** A fresh space of the owner's with one entry (two versions) and a member; gives its id and the member's. */
async function ownerSpace(app: App, owner: UserActor): Promise<{ spaceId: string; memberId: string }> {
  const space = await app.context.spaces.create(owner, { name: 'owner-only space' });
  await app.context.entries.set(owner, space.id, key, { value: { note: 'owner-only words' } });
  await app.context.entries.patch(owner, space.id, key, { patch: { more: 'owner-only words' } });
  const email = `member-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const member = await app.identity.users.create(
    { type: 'system', via: 'system' },
    {
      email,
      password: 'correct horse battery',
      name: 'member',
      role: 'user',
    },
  );
  await app.context.members.add(owner, space.id, { user_id: member.id, role: 'read' });
  return { spaceId: space.id, memberId: member.id };
}

/** The owner, as the REST rows know them (by email). */
async function restOwner({ app, ownerEmail }: RowContext): Promise<UserActor> {
  const user = await app.identity.users.findByEmail({ type: 'system', via: 'system' }, ownerEmail);
  return {
    type: 'user',
    userId: user.id,
    role: 'user',
    scopes: ['api:read', 'api:write'],
    via: 'http',
    credential: { kind: 'cli' },
  };
}

const withOwnerSpace =
  (build: (ids: { spaceId: string; memberId: string }) => Request) => async (context: RowContext) =>
    build(await ownerSpace(context.app, await restOwner(context)));

const owned = (
  method: string,
  route: string,
  scope: 'api:read' | 'api:write',
  build: (ids: { spaceId: string; memberId: string }) => Request,
): OwnedRow => ({ method, route, scope, request: withOwnerSpace(build), otherUser: 'not_found' });

export const contextRows: OwnedRow[] = [
  {
    method: 'GET',
    route: spaces,
    scope: 'api:read',
    request: async () => ({ url: spaces }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: spaces,
    scope: 'api:write',
    request: async () => ({ url: spaces, payload: { name: 'Matrix space' } }),
    otherUser: 'own_items_only',
  },
  owned('GET', `${spaces}/:id`, 'api:read', ({ spaceId }) => ({ url: `${spaces}/${spaceId}` })),
  owned('PATCH', `${spaces}/:id`, 'api:write', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}`,
    payload: { name: 'Renamed' },
  })),
  owned('DELETE', `${spaces}/:id`, 'api:write', ({ spaceId }) => ({ url: `${spaces}/${spaceId}` })),
  owned('GET', `${spaces}/:id/members`, 'api:read', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/members`,
  })),
  owned('GET', `${spaces}/:id/people`, 'api:read', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/people`,
  })),
  owned('POST', `${spaces}/:id/members`, 'api:write', ({ spaceId, memberId }) => ({
    url: `${spaces}/${spaceId}/members`,
    payload: { user_id: memberId, role: 'write' },
  })),
  owned('PATCH', `${spaces}/:id/members/:member_id`, 'api:write', ({ spaceId, memberId }) => ({
    url: `${spaces}/${spaceId}/members/${memberId}`,
    payload: { role: 'admin' },
  })),
  owned('DELETE', `${spaces}/:id/members/:member_id`, 'api:write', ({ spaceId, memberId }) => ({
    url: `${spaces}/${spaceId}/members/${memberId}`,
  })),
  owned('GET', `${spaces}/:id/entries`, 'api:read', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries`,
  })),
  owned('GET', `${spaces}/:id/entries/:key`, 'api:read', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}`,
  })),
  owned('PUT', `${spaces}/:id/entries/:key`, 'api:write', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}`,
    payload: { value: { replaced: true } },
  })),
  owned('PATCH', `${spaces}/:id/entries/:key`, 'api:write', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}`,
    payload: { patch: { merged: true } },
  })),
  owned('DELETE', `${spaces}/:id/entries/:key`, 'api:write', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}`,
  })),
  owned('GET', `${spaces}/:id/entries/:key/history`, 'api:read', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}/history`,
  })),
  owned('POST', `${spaces}/:id/entries/:key/restore`, 'api:write', ({ spaceId }) => ({
    url: `${spaces}/${spaceId}/entries/${encodedKey}/restore`,
    payload: { version: 1 },
  })),
];

/** The owner's space, as the MCP rows name it. */
const mcpSpace = async ({ app, owner }: McpRowContext) => (await ownerSpace(app, owner)).spaceId;

const onEntry = (tool: string, extra: Record<string, unknown> = {}): McpToolRow => ({
  tool,
  arguments: async (context) => ({ space: await mcpSpace(context), key, ...extra }),
  otherUser: 'not_found',
});

export const contextMcpRows: McpToolRow[] = [
  onEntry('context_get'),
  onEntry('context_set', { value: { replaced: true } }),
  onEntry('context_patch', { patch: { merged: true } }),
  onEntry('context_delete'),
  onEntry('context_history'),
  onEntry('context_restore', { version: 1 }),
  {
    tool: 'context_list',
    arguments: async (context) => ({ space: await mcpSpace(context) }),
    otherUser: 'not_found',
  },
  { tool: 'context_list_spaces', arguments: async () => ({}), otherUser: 'own_items_only' },
  {
    tool: 'context_create_space',
    arguments: async () => ({ name: 'Matrix space' }),
    otherUser: 'own_items_only',
  },
];

export const contextResourceRows: McpResourceRow[] = [
  { kind: 'context entry', uri: async (context) => contextEntryUri(await mcpSpace(context), key) },
];
