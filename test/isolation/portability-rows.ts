/**
 * The isolation rows of a user's export file (GET /api/v1/me/export, POST /api/v1/me/import),
 * spread into rows.ts. Another user's export holds only their own data; their import makes only
 * their own items, even from a file that names the owner's ids.
 */
import { asOwner } from './as-owner.js';
import type { OwnedRow, RowContext } from './rows.js';

/** The owner's id and a fresh agent and memory of theirs. */
async function ownerData(context: RowContext) {
  const me = await context.app.http.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: context.ownerCookie },
  });
  const suffix = Math.random().toString(36).slice(2, 8);
  const agent = await asOwner(context, 'POST', '/api/v1/agents', {
    name: `owned-agent-${suffix}`,
    description: 'The owner’s agent',
    instructions: 'Keep to yourself.',
  });
  await asOwner(context, 'POST', '/api/v1/memories', { text: `The owner's exported fact ${suffix}` });
  return { userId: me.json().id as string, agentId: agent.id as string };
}

export const portabilityRows: OwnedRow[] = [
  {
    method: 'GET',
    route: '/api/v1/me/export',
    scope: 'api:read',
    request: async (context) => (await ownerData(context), { url: '/api/v1/me/export' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/me/import',
    scope: 'api:write',
    request: async (context) => {
      const { userId, agentId } = await ownerData(context);
      const fact = (scope: 'user' | 'agent', scopeId: string) => ({
        id: `mem_${scope}`,
        scope,
        scope_id: scopeId,
        text: `An imported fact for the ${scope}`,
        created_at: new Date().toISOString(),
      });
      return {
        url: '/api/v1/me/import',
        payload: {
          format: 'switchboard.export',
          format_version: 1,
          exported_at: new Date().toISOString(),
          memories: [fact('user', userId), fact('agent', agentId)],
        },
      };
    },
    otherUser: 'own_items_only',
  },
];
