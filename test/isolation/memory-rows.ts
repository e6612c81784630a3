/**
 * The isolation rows of long-term memory (REST, MCP tools and the memory resource), spread into
 * rows.ts and mcp-rows.ts.
 */
import { actingAs } from '../../src/actor.js';
import type { McpResourceRow, McpRowContext, McpToolRow } from './mcp-rows.js';
import type { OwnedRow, Request, RowContext } from './rows.js';

/** The owner, acting through the services (the rows' context gives their cookie). */
async function ownerOf({ app, ownerCookie }: RowContext) {
  const me = await app.http.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: ownerCookie } });
  return actingAs({ userId: me.json().id, role: 'user', via: 'http' });
}

/** A request about a fresh memory of the owner's. */
const withOwnerMemory = (build: (memoryId: string) => Request) => async (context: RowContext) => {
  const memory = await context.app.memories.remember(await ownerOf(context), {
    text: `The owner's secret fact ${Math.random().toString(36).slice(2, 8)}`,
  });
  return build(memory.id);
};

const fixed = (url: string, payload?: unknown) => async () => ({ url, payload });

export const memoryRows: OwnedRow[] = [
  {
    method: 'GET',
    route: '/api/v1/memories',
    scope: 'api:read',
    request: withOwnerMemory(() => ({ url: '/api/v1/memories' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/memories',
    scope: 'api:write',
    request: fixed('/api/v1/memories', { text: 'Matrix fact' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/memories/search',
    scope: 'api:read',
    request: withOwnerMemory(() => ({ url: '/api/v1/memories/search?query=secret%20fact' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/memories/analytics',
    scope: 'api:read',
    request: withOwnerMemory(() => ({ url: '/api/v1/memories/analytics' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/memories/merge',
    scope: 'api:write',
    request: withOwnerMemory(() => ({ url: '/api/v1/memories/merge', payload: {} })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/memories/compress',
    scope: 'api:write',
    request: async (context) => {
      const { conversation } = await context.app.conversations.start(await ownerOf(context), {
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'The owner’s private plans.' }] }],
      });
      return { url: '/api/v1/memories/compress', payload: { conversation_id: conversation.id } };
    },
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/memories/:id',
    scope: 'api:read',
    request: withOwnerMemory((id) => ({ url: `/api/v1/memories/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/memories/:id',
    scope: 'api:write',
    request: withOwnerMemory((id) => ({ url: `/api/v1/memories/${id}`, payload: { importance: 5 } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/memories/:id',
    scope: 'api:write',
    request: withOwnerMemory((id) => ({ url: `/api/v1/memories/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/memories/:id/archive',
    scope: 'api:write',
    request: withOwnerMemory((id) => ({ url: `/api/v1/memories/${id}/archive`, payload: {} })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/memories/:id/unarchive',
    scope: 'api:write',
    request: withOwnerMemory((id) => ({ url: `/api/v1/memories/${id}/unarchive`, payload: {} })),
    otherUser: 'not_found',
  },
];

const ownerMemory = async ({ app, owner }: McpRowContext) =>
  (
    await app.memories.remember(owner, {
      text: `Owner’s secret fact ${Math.random().toString(36).slice(2, 8)}`,
    })
  ).id;

export const memoryMcpRows: McpToolRow[] = [
  { tool: 'remember', arguments: async () => ({ text: 'Matrix fact' }), otherUser: 'own_items_only' },
  {
    tool: 'recall_memories',
    arguments: async (context) => (await ownerMemory(context), { query: 'secret fact' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'list_memories',
    arguments: async (context) => (await ownerMemory(context), {}),
    otherUser: 'own_items_only',
  },
  {
    tool: 'forget_memory',
    arguments: async (context) => ({ memory_id: await ownerMemory(context) }),
    otherUser: 'not_found',
  },
];

export const memoryResourceRows: McpResourceRow[] = [
  { kind: 'memory', uri: async (context) => `switchboard://memories/${await ownerMemory(context)}` },
];
