/**
 * The isolation rows of agents and agent runs (REST), spread into rows.ts. The matrix apps run the
 * durable engine; runs use the built-in assistant, so they end within a second.
 * Not yet here: POST /api/v1/agent-runs/:id/cancel, /resume and /approvals (the owner's request
 * needs a run still going, cancelled, resp. waiting); test/agents/runs.test.ts checks they answer
 * 404 to another user.
 */
import { asOwner } from './as-owner.js';
import type { OwnedRow, Request, RowContext } from './rows.js';

const agentDefinition = () => ({
  name: `matrix-${Math.random().toString(36).slice(2, 10)}`,
  description: 'An agent of the matrix',
});

const withOwnerAgent = (build: (agentId: string) => Request) => async (context: RowContext) =>
  build((await asOwner(context, 'POST', '/api/v1/agents', agentDefinition())).id);

const withOwnerRun = (build: (runId: string) => Request) => async (context: RowContext) => {
  const agent = await asOwner(context, 'POST', '/api/v1/agents', agentDefinition());
  return build(
    (await asOwner(context, 'POST', '/api/v1/agent-runs', { agent: agent.id, input: 'hello' })).id,
  );
};

export const agentRows: OwnedRow[] = [
  {
    method: 'GET',
    route: '/api/v1/agents',
    scope: 'api:read',
    request: withOwnerAgent(() => ({ url: '/api/v1/agents' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/agents',
    scope: 'api:write',
    request: async () => ({ url: '/api/v1/agents', payload: agentDefinition() }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/agents/:id',
    scope: 'api:read',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PUT',
    route: '/api/v1/agents/:id',
    scope: 'api:write',
    request: async (context) => {
      const definition = agentDefinition();
      const { id } = await asOwner(context, 'POST', '/api/v1/agents', definition);
      return { url: `/api/v1/agents/${id}`, payload: { ...definition, description: 'Changed' } };
    },
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/agents/:id',
    scope: 'api:write',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}`, payload: { description: 'Changed' } })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/agents/:id',
    scope: 'api:write',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agents/:id/versions',
    scope: 'api:read',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}/versions` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agents/:id/versions/:version',
    scope: 'api:read',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}/versions/1` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/agents/:id/versions/:version/restore',
    scope: 'api:write',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}/versions/1/restore` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agents/:id/health',
    scope: 'api:read',
    request: withOwnerAgent((id) => ({ url: `/api/v1/agents/${id}/health` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/agent-runs',
    scope: 'api:write',
    request: withOwnerAgent((id) => ({ url: '/api/v1/agent-runs', payload: { agent: id, input: 'hello' } })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-runs',
    scope: 'api:read',
    request: withOwnerRun(() => ({ url: '/api/v1/agent-runs' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-runs/:id',
    scope: 'api:read',
    request: withOwnerRun((id) => ({ url: `/api/v1/agent-runs/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-runs/:id/wait',
    scope: 'api:read',
    request: withOwnerRun((id) => ({ url: `/api/v1/agent-runs/${id}/wait?timeout_ms=5000` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-runs/:id/stream',
    scope: 'api:read',
    request: withOwnerRun((id) => ({ url: `/api/v1/agent-runs/${id}/stream` })),
    otherUser: 'not_found',
  },
];
