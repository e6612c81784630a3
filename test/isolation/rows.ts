/**
 * The isolation matrix: every /api/v1 route (and the OpenAI-compatible /v1 ones), and how it must treat each kind of caller. A module
 * that adds a route adds its row here; matrix.test.ts fails for any route without one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { actingAs, type Scope } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { createApiKey, signIn } from '../helpers/identity.js';
import { multipart } from '../helpers/multipart.js';
import { seedApproval } from '../workflows/seed-rows.js';
import { workflowTemplates } from '../../src/modules/workflows/templates/index.js';
import { workflowRunRows } from './workflow-run-rows.js';
import { contextRows } from './context-rows.js';
import { eventAdminRows, eventRows } from './event-rows.js';
import { memoryRows } from './memory-rows.js';
import { agentRows } from './agent-rows.js';
import { asOwner } from './as-owner.js';
import { agentCoopRows } from './agent-coop-rows.js';
import { agentsMarketRows } from './agents-market-rows.js';
import { portabilityRows } from './portability-rows.js';

/** What a row may use: the app, and the owner's email and session cookie. */
export interface RowContext {
  app: App;
  ownerEmail: string;
  ownerCookie: string;
}

export interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** A route over data a user owns. Run as owner → 2xx; another user → 404 (or only their own data); nobody or a revoked key → 401; a key without `scope` → 403. */
export interface OwnedRow {
  method: string;
  route: string;
  scope: Scope;
  /** Makes a fresh target owned by the owner (rows that delete need one per caller) and the request for it. */
  request(context: RowContext): Promise<Request>;
  /** Item routes hide another user's object (404, or a tool's _NOT_FOUND error); collection routes answer with the caller's own items only. */
  otherUser: 'not_found' | 'own_items_only';
}

/** A route for admins only. Admin → 2xx; user → 403; nobody or a revoked key → 401; an admin's key without `admin` → 403. */
export interface AdminRow {
  method: string;
  route: string;
  request(context: RowContext): Promise<Request>;
}

const fixed = (url: string, payload?: unknown) => async () => ({ url, payload });

/** A request about a fresh private prompt of the owner's. */
const withOwnerPrompt = (build: (promptId: string) => Request) => async (context: RowContext) => {
  const name = `owned-${Math.random().toString(36).slice(2, 8)}`;
  const payload = { name, template: 'Hello {{who}}', arguments: [{ name: 'who' }] };
  return build((await asOwner(context, 'POST', '/api/v1/prompts', payload)).id);
};

/** A request about a fresh task of the owner's. */
const withOwnerTask = (build: (taskId: string) => Request) => async (context: RowContext) =>
  build((await asOwner(context, 'POST', '/api/v1/tasks', { title: 'Owned task' })).id);

/** A request about a fresh private note of the owner's, which has one earlier version. */
const withOwnerResource = (build: (resourceId: string) => Request) => async (context: RowContext) => {
  const note = { kind: 'text', name: 'Owned note', content: 'First words' };
  const { id } = await asOwner(context, 'POST', '/api/v1/resources', note);
  await asOwner(context, 'PATCH', `/api/v1/resources/${id}`, { content: 'Second words' });
  return build(id);
};

let pageServerUrl: Promise<string> | undefined;
/** A local web page for URL resources (the matrix app allows 127.0.0.1 in FETCH_ALLOWED_HOSTS). */
export function pageUrl(): Promise<string> {
  pageServerUrl ??= new Promise((resolve) => {
    let visits = 0;
    const server = http.createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<title>Page</title><p>Visit ${++visits}</p>`);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/page`),
    );
    server.unref();
  });
  return pageServerUrl;
}

/** A request about a fresh URL resource of the owner's. */
const withOwnerUrlResource = (build: (resourceId: string) => Request) => async (context: RowContext) =>
  build((await asOwner(context, 'POST', '/api/v1/resources', { kind: 'url', url: await pageUrl() })).id);

/** A request about a fresh conversation of the owner's: a question and its answer. */
const withOwnerConversation =
  (build: (conversationId: string, messageIds: string[]) => Request) => async (context: RowContext) => {
    const { id } = await asOwner(context, 'POST', '/api/v1/conversations', { title: 'Owned chat' });
    const me = await context.app.http.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: context.ownerCookie },
    });
    const owner = actingAs({ userId: me.json().id, role: 'user', via: 'http' });
    const say = (role: 'user' | 'assistant', text: string) =>
      context.app.conversations.appendMessage(owner, {
        conversationId: id,
        role,
        parts: [{ type: 'text', text }],
      });
    const question = await say('user', 'A private question');
    const answer = await say('assistant', 'A private answer');
    return build(id, [question.id, answer.id]);
  };

/** A request about a fresh http MCP server of the owner's (pointing at the local page: connecting fails, quickly). */
const withOwnerMcpServer = (build: (serverId: string) => Request) => async (context: RowContext) => {
  const payload = { name: `matrix-${Math.random().toString(36).slice(2, 8)}`, url: await pageUrl() };
  return build((await asOwner(context, 'POST', '/api/v1/mcp-servers', payload)).id);
};

/** A request about a fresh pending workflow approval of the owner's (its run row written directly). */
const withOwnerApproval = (build: (approvalId: string) => Request) => async (context: RowContext) => {
  const me = await context.app.http.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: context.ownerCookie },
  });
  return build(await seedApproval(context.app, me.json().id));
};
/** A definition for the matrix's workflows: one step, a fresh name. */
const workflowDefinition = (name = `matrix-${Math.random().toString(36).slice(2, 8)}`) => ({
  name,
  steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'From a workflow' } }],
});

/** A request about a fresh private workflow of the owner's. */
const withOwnerWorkflow = (build: (workflowId: string) => Request) => async (context: RowContext) =>
  build((await asOwner(context, 'POST', '/api/v1/workflows', workflowDefinition())).id);

export const ownedRows: OwnedRow[] = [
  {
    method: 'POST',
    route: '/api/v1/chat',
    scope: 'api:write',
    request: withOwnerConversation((id) => ({
      url: '/api/v1/chat',
      payload: { conversation_id: id, message: 'what is left to do?' },
      headers: { accept: 'application/json' },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/chat/:id/stream',
    scope: 'api:read',
    request: withOwnerConversation((id) => ({ url: `/api/v1/chat/${id}/stream` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/chat/:id/stop',
    scope: 'api:write',
    request: withOwnerConversation((_id, [, answer]) => ({ url: `/api/v1/chat/${answer}/stop` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/models',
    scope: 'api:read',
    request: fixed('/api/v1/models'),
    otherUser: 'own_items_only',
  },
  {
    // OpenAI's discovery: the same key as /v1/chat/completions lists what it may chat with.
    method: 'GET',
    route: '/v1/models',
    scope: 'api:write',
    request: fixed('/v1/models'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/v1/chat/completions',
    scope: 'api:write',
    request: fixed('/v1/chat/completions', { messages: [{ role: 'user', content: 'show my tasks' }] }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/version',
    scope: 'api:read',
    request: fixed('/api/v1/version'),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/me',
    scope: 'api:read',
    request: fixed('/api/v1/me'),
    otherUser: 'own_items_only',
  },
  {
    method: 'PATCH',
    route: '/api/v1/me',
    scope: 'api:write',
    request: fixed('/api/v1/me', { name: 'Renamed' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/me/sessions',
    scope: 'api:read',
    request: fixed('/api/v1/me/sessions'),
    otherUser: 'own_items_only',
  },
  {
    method: 'DELETE',
    route: '/api/v1/me/sessions/:id',
    scope: 'api:write',
    async request({ app, ownerEmail }) {
      const cookie = await signIn(app, ownerEmail);
      const session = await app.http.inject({
        method: 'GET',
        url: '/api/v1/auth/get-session',
        headers: { cookie },
      });
      return { url: `/api/v1/me/sessions/${session.json().session.id}` };
    },
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/me/api-keys',
    scope: 'api:read',
    request: fixed('/api/v1/me/api-keys'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/me/api-keys',
    scope: 'api:write',
    request: fixed('/api/v1/me/api-keys', { name: 'matrix', scopes: ['mcp'] }),
    otherUser: 'own_items_only',
  },
  {
    method: 'DELETE',
    route: '/api/v1/me/api-keys/:id',
    scope: 'api:write',
    async request({ app, ownerCookie }) {
      const { api_key: apiKey } = await createApiKey(app, ownerCookie);
      return { url: `/api/v1/me/api-keys/${apiKey.id}` };
    },
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/auth/get-session',
    scope: 'api:read',
    request: fixed('/api/v1/auth/get-session'),
    otherUser: 'own_items_only',
  },

  {
    method: 'GET',
    route: '/api/v1/tasks',
    scope: 'api:read',
    request: fixed('/api/v1/tasks'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/tasks',
    scope: 'api:write',
    request: fixed('/api/v1/tasks', { title: 'Matrix task' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/:id',
    scope: 'api:read',
    request: withOwnerTask((id) => ({ url: `/api/v1/tasks/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/tasks/:id',
    scope: 'api:write',
    request: withOwnerTask((id) => ({ url: `/api/v1/tasks/${id}`, payload: { title: 'Changed' } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/tasks/:id',
    scope: 'api:write',
    request: withOwnerTask((id) => ({ url: `/api/v1/tasks/${id}` })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/prompts',
    scope: 'api:read',
    request: fixed('/api/v1/prompts'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/prompts',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/prompts',
      payload: { name: `matrix-${Math.random().toString(36).slice(2, 8)}`, template: 'Hi' },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/prompts/:id',
    scope: 'api:read',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/prompts/:id',
    scope: 'api:write',
    request: withOwnerPrompt((id) => ({
      url: `/api/v1/prompts/${id}`,
      payload: { template: 'Hello {{who}}!' },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/prompts/:id',
    scope: 'api:write',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/prompts/:id/render',
    scope: 'api:write',
    request: withOwnerPrompt((id) => ({
      url: `/api/v1/prompts/${id}/render`,
      payload: { arguments: { who: 'you' } },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/prompts/:id/versions',
    scope: 'api:read',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}/versions` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/prompts/:id/versions/:version',
    scope: 'api:read',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}/versions/1` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/prompts/:id/diff',
    scope: 'api:read',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}/diff?from=1&to=1` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/prompts/:id/versions/:version/restore',
    scope: 'api:write',
    request: withOwnerPrompt((id) => ({ url: `/api/v1/prompts/${id}/versions/1/restore` })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/resources',
    scope: 'api:read',
    request: fixed('/api/v1/resources'),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/resources/stats',
    scope: 'api:read',
    request: fixed('/api/v1/resources/stats'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/resources',
    scope: 'api:write',
    request: fixed('/api/v1/resources', { kind: 'text', name: 'Matrix note', content: 'words' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/resources/upload',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/resources/upload',
      ...multipart({ filename: 'notes.txt', bytes: Buffer.from('uploaded words') }),
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/resources/:id',
    scope: 'api:read',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/resources/:id/content',
    scope: 'api:read',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}/content` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/resources/:id',
    scope: 'api:write',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}`, payload: { name: 'Changed' } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/resources/:id',
    scope: 'api:write',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/resources/:id/refresh',
    scope: 'api:write',
    request: withOwnerUrlResource((id) => ({ url: `/api/v1/resources/${id}/refresh` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/resources/:id/versions',
    scope: 'api:read',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}/versions` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/resources/:id/versions/:version',
    scope: 'api:read',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}/versions/1` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/resources/:id/versions/:version/restore',
    scope: 'api:write',
    request: withOwnerResource((id) => ({ url: `/api/v1/resources/${id}/versions/1/restore` })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/conversations',
    scope: 'api:read',
    request: withOwnerConversation(() => ({ url: '/api/v1/conversations' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/conversations',
    scope: 'api:write',
    request: fixed('/api/v1/conversations', { title: 'New chat' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/conversations/search',
    scope: 'api:read',
    request: withOwnerConversation(() => ({ url: '/api/v1/conversations/search?query=private' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/conversations/export',
    scope: 'api:read',
    request: withOwnerConversation(() => ({ url: '/api/v1/conversations/export?format=json' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/conversations/import',
    scope: 'api:write',
    request: fixed('/api/v1/conversations/import', {
      format: 'switchboard.conversations',
      version: 1,
      conversations: [
        {
          title: 'Imported',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
          messages: [],
        },
      ],
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/conversations/:id',
    scope: 'api:read',
    request: withOwnerConversation((id) => ({ url: `/api/v1/conversations/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/conversations/:id',
    scope: 'api:write',
    request: withOwnerConversation((id) => ({
      url: `/api/v1/conversations/${id}`,
      payload: { pinned: true },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/conversations/:id',
    scope: 'api:write',
    request: withOwnerConversation((id) => ({ url: `/api/v1/conversations/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/conversations/:id/messages',
    scope: 'api:read',
    request: withOwnerConversation((id) => ({ url: `/api/v1/conversations/${id}/messages?branch=all` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/conversations/:id/export',
    scope: 'api:read',
    request: withOwnerConversation((id) => ({ url: `/api/v1/conversations/${id}/export?format=markdown` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/conversations/:id/messages/:message_id/activate',
    scope: 'api:write',
    request: withOwnerConversation((id, [questionId]) => ({
      url: `/api/v1/conversations/${id}/messages/${questionId}/activate`,
    })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/mcp-servers',
    scope: 'api:read',
    request: fixed('/api/v1/mcp-servers'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/mcp-servers',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/mcp-servers',
      payload: { name: `matrix-${Math.random().toString(36).slice(2, 8)}`, url: await pageUrl() },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/mcp-servers/:id',
    scope: 'api:read',
    request: withOwnerMcpServer((id) => ({ url: `/api/v1/mcp-servers/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/mcp-servers/:id',
    scope: 'api:write',
    request: withOwnerMcpServer((id) => ({ url: `/api/v1/mcp-servers/${id}`, payload: { enabled: false } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/mcp-servers/:id',
    scope: 'api:write',
    request: withOwnerMcpServer((id) => ({ url: `/api/v1/mcp-servers/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/mcp-servers/:id/tools',
    scope: 'api:read',
    request: withOwnerMcpServer((id) => ({ url: `/api/v1/mcp-servers/${id}/tools` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/mcp-servers/:id/refresh',
    scope: 'api:write',
    request: withOwnerMcpServer((id) => ({ url: `/api/v1/mcp-servers/${id}/refresh` })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/events',
    scope: 'api:read',
    request: fixed('/api/v1/events?limit=100'),
    otherUser: 'own_items_only',
  },

  {
    method: 'GET',
    route: '/api/v1/approvals',
    scope: 'api:read',
    request: withOwnerApproval(() => ({ url: '/api/v1/approvals?status=all' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/approvals/:id',
    scope: 'api:read',
    request: withOwnerApproval((id) => ({ url: `/api/v1/approvals/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/approvals/:id/answer',
    scope: 'api:write',
    request: withOwnerApproval((id) => ({
      url: `/api/v1/approvals/${id}/answer`,
      payload: { approved: true },
    })),
    otherUser: 'not_found',
  },

  {
    method: 'POST',
    route: '/api/v1/workflows/:id/webhook-secret',
    scope: 'api:write',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/webhook-secret` })),
    otherUser: 'not_found',
  },

  {
    method: 'GET',
    route: '/api/v1/tools',
    scope: 'api:read',
    request: fixed('/api/v1/tools'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/tools/:name',
    scope: 'api:write',
    request: withOwnerTask((id) => ({ url: '/api/v1/tools/complete_task', payload: { task_id: id } })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows',
    scope: 'api:read',
    request: withOwnerWorkflow(() => ({ url: '/api/v1/workflows' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows',
    scope: 'api:write',
    request: async () => ({ url: '/api/v1/workflows', payload: workflowDefinition() }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows/validate',
    scope: 'api:read',
    request: async () => ({ url: '/api/v1/workflows/validate', payload: workflowDefinition() }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows/import',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/workflows/import',
      payload: { document: JSON.stringify(workflowDefinition()) },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows/:id',
    scope: 'api:read',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PUT',
    route: '/api/v1/workflows/:id',
    scope: 'api:write',
    request: async (context) => {
      const definition = workflowDefinition();
      const { id } = await asOwner(context, 'POST', '/api/v1/workflows', definition);
      return { url: `/api/v1/workflows/${id}`, payload: { ...definition, description: 'Changed' } };
    },
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/workflows/:id',
    scope: 'api:write',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}`, payload: { published: false } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/workflows/:id',
    scope: 'api:write',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows/:id/versions',
    scope: 'api:read',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/versions` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows/:id/versions/:version',
    scope: 'api:read',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/versions/1` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows/:id/versions/:version/restore',
    scope: 'api:write',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/versions/1/restore` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows/:id/export',
    scope: 'api:read',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/export?format=yaml` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows/:id/copy',
    scope: 'api:write',
    request: withOwnerWorkflow((id) => ({ url: `/api/v1/workflows/${id}/copy`, payload: {} })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflow-templates',
    scope: 'api:read',
    request: fixed('/api/v1/workflow-templates'),
    otherUser: 'own_items_only',
  },
  {
    // Templates are everyone's: another user copies one into their own workflows, as the owner does.
    method: 'POST',
    route: '/api/v1/workflow-templates/:id/copy',
    scope: 'api:write',
    request: async () => ({
      url: `/api/v1/workflow-templates/${workflowTemplates[0]?.id ?? 'daily-task-digest'}/copy`,
      payload: {},
    }),
    otherUser: 'own_items_only',
  },
  ...workflowRunRows,
  ...contextRows,
  ...eventRows,
  ...memoryRows,
  ...agentRows,
  ...agentCoopRows,
  ...agentsMarketRows,
  ...portabilityRows,
];

export const adminRows: AdminRow[] = [
  { method: 'GET', route: '/api/v1/admin/users', request: fixed('/api/v1/admin/users') },
  {
    method: 'POST',
    route: '/api/v1/admin/users',
    request: async () => ({
      url: '/api/v1/admin/users',
      payload: {
        email: `made-${Math.random().toString(36).slice(2)}@example.com`,
        password: 'a long enough password',
        name: 'Made',
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users/:id',
    async request({ app, ownerCookie }) {
      const me = await app.http.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: ownerCookie },
      });
      return { url: `/api/v1/admin/users/${me.json().id}` };
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/admin/users/:id',
    async request({ app, ownerCookie }) {
      const me = await app.http.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: ownerCookie },
      });
      return { url: `/api/v1/admin/users/${me.json().id}`, payload: { name: 'Renamed by admin' } };
    },
  },
  { method: 'GET', route: '/api/v1/admin/audit', request: fixed('/api/v1/admin/audit') },
  {
    method: 'PUT',
    route: '/api/v1/admin/models',
    request: fixed('/api/v1/admin/models', { default_model: 'offline', allowed_models: ['offline'] }),
  },
  { method: 'GET', route: '/api/v1/admin/invites', request: fixed('/api/v1/admin/invites') },
  {
    method: 'POST',
    route: '/api/v1/admin/invites',
    request: fixed('/api/v1/admin/invites', { role: 'user' }),
  },
  { method: 'GET', route: '/api/v1/admin/features', request: fixed('/api/v1/admin/features') },
  {
    method: 'PUT',
    route: '/api/v1/admin/features',
    // Switches nothing off: every other row still finds its feature on.
    request: fixed('/api/v1/admin/features', { a2a: true }),
  },
  ...eventAdminRows,
];

/** Routes anyone may call: they create or prove identity, or serve the OAuth protocol (with its own checks). */
/**
 * Routes whose owner's request needs a state a row cannot make on demand: cancel needs a run still
 * going, resume a cancelled one, approvals a run waiting for an approval (offline runs end within
 * a second). test/agents/runs.test.ts checks that they answer 404 to another user, and
 * route-scopes.test.ts their declared scope.
 */
export const routesCheckedElsewhere = [
  'POST /api/v1/agent-runs/:id/cancel',
  'POST /api/v1/agent-runs/:id/resume',
  'POST /api/v1/agent-runs/:id/approvals',
];

export const publicRoutes = [
  'POST /api/v1/auth/sign-up/email',
  'POST /api/v1/auth/sign-in/email',
  'POST /api/v1/auth/sign-out',
  'GET /api/v1/auth/*',
  'POST /api/v1/auth/*',
  'GET /api/v1/auth/.well-known/openid-configuration',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  // Which features are on: the sign-in page hides "create an account" when sign-up is off.
  'GET /api/v1/features',
  // A workflow's webhook: its credential is the body's signature by the workflow's secret
  // (test/workflows/triggers.test.ts: every refusal is the same 401, so no workflow is confirmed).
  'POST /api/v1/hooks/:id',
];
