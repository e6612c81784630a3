/**
 * The isolation rows of agents working together (REST): mailboxes of agents and of agent runs,
 * dead letters, teams and their runs, matching and the coordinator. Spread into rows.ts.
 */
import { eq } from 'drizzle-orm';
import { agentMessages } from '../../src/modules/agents/table.js';
import { asOwner } from './as-owner.js';
import type { OwnedRow, Request, RowContext } from './rows.js';

const suffix = () => Math.random().toString(36).slice(2, 10);
const ownerAgent = (context: RowContext) =>
  asOwner(context, 'POST', '/api/v1/agents', {
    name: `coop-${suffix()}`,
    description: 'An agent of the matrix',
  });
const ownerRun = async (context: RowContext) =>
  asOwner(context, 'POST', '/api/v1/agent-runs', { agent: (await ownerAgent(context)).id, input: 'hello' });
const ownerTeam = async (context: RowContext) =>
  asOwner(context, 'POST', '/api/v1/teams', {
    name: `team-${suffix()}`,
    pattern: 'vote',
    members: [{ agent: (await ownerAgent(context)).id }],
  });

/** The five routes of one kind of mailbox (an agent's or an agent run's), each about a fresh mailbox. */
function mailboxRows(prefix: '/api/v1/agents' | '/api/v1/agent-runs'): OwnedRow[] {
  const mailbox = async (context: RowContext) =>
    (prefix === '/api/v1/agents' ? await ownerAgent(context) : await ownerRun(context)).id;
  /** A message sent to the mailbox and taken from it: waiting for its acknowledgement. */
  const takenMessage = async (context: RowContext) => {
    const id = await mailbox(context);
    const sent = await asOwner(context, 'POST', `${prefix}/${id}/messages`, { payload: { note: 'hello' } });
    await asOwner(context, 'POST', `${prefix}/${id}/messages/receive`, {});
    return { id, messageId: sent.id };
  };
  const withMailbox = (build: (id: string) => Request) => async (context: RowContext) =>
    build(await mailbox(context));
  return [
    {
      method: 'POST',
      route: `${prefix}/:id/messages`,
      scope: 'api:write',
      request: withMailbox((id) => ({
        url: `${prefix}/${id}/messages`,
        payload: { payload: { note: 'hi' } },
      })),
      otherUser: 'not_found',
    },
    {
      method: 'GET',
      route: `${prefix}/:id/messages`,
      scope: 'api:read',
      request: withMailbox((id) => ({ url: `${prefix}/${id}/messages` })),
      otherUser: 'not_found',
    },
    {
      method: 'POST',
      route: `${prefix}/:id/messages/receive`,
      scope: 'api:write',
      request: withMailbox((id) => ({ url: `${prefix}/${id}/messages/receive`, payload: {} })),
      otherUser: 'not_found',
    },
    {
      method: 'GET',
      route: `${prefix}/:id/messages/:message_id`,
      scope: 'api:read',
      request: async (context) => {
        const { id, messageId } = await takenMessage(context);
        return { url: `${prefix}/${id}/messages/${messageId}` };
      },
      otherUser: 'not_found',
    },
    {
      method: 'POST',
      route: `${prefix}/:id/messages/:message_id/ack`,
      scope: 'api:write',
      request: async (context) => {
        const { id, messageId } = await takenMessage(context);
        return { url: `${prefix}/${id}/messages/${messageId}/ack`, payload: {} };
      },
      otherUser: 'not_found',
    },
  ];
}

/** A dead letter of the owner's: a message sent, then (as its retries would) moved to the dead letters. */
async function ownerDeadLetter(context: RowContext): Promise<string> {
  const agent = await ownerAgent(context);
  const sent = await asOwner(context, 'POST', `/api/v1/agents/${agent.id}/messages`, {
    payload: { note: 'hello' },
  });
  await context.app.database.db
    .update(agentMessages)
    .set({ status: 'dead' })
    .where(eq(agentMessages.id, sent.id));
  return sent.id;
}

export const agentCoopRows: OwnedRow[] = [
  ...mailboxRows('/api/v1/agents'),
  ...mailboxRows('/api/v1/agent-runs'),
  {
    method: 'GET',
    route: '/api/v1/agents/dead-letters',
    scope: 'api:read',
    request: async (context) => (await ownerDeadLetter(context), { url: '/api/v1/agents/dead-letters' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/agents/dead-letters/:id/replay',
    scope: 'api:write',
    request: async (context) => ({
      url: `/api/v1/agents/dead-letters/${await ownerDeadLetter(context)}/replay`,
      payload: {},
    }),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/teams',
    scope: 'api:read',
    request: async (context) => (await ownerTeam(context), { url: '/api/v1/teams' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/teams',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/teams',
      payload: { name: `team-${suffix()}`, pattern: 'vote', members: [{ agent: 'summarizer' }] },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/teams/:id',
    scope: 'api:read',
    request: async (context) => ({ url: `/api/v1/teams/${(await ownerTeam(context)).id}` }),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/teams/:id',
    scope: 'api:write',
    request: async (context) => ({
      url: `/api/v1/teams/${(await ownerTeam(context)).id}`,
      payload: { description: 'Changed' },
    }),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/teams/:id',
    scope: 'api:write',
    request: async (context) => ({ url: `/api/v1/teams/${(await ownerTeam(context)).id}` }),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/teams/:id/runs',
    scope: 'api:write',
    request: async (context) => ({
      url: `/api/v1/teams/${(await ownerTeam(context)).id}/runs`,
      payload: { input: 'hello' },
    }),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/teams/:id/runs',
    scope: 'api:read',
    request: async (context) => ({ url: `/api/v1/teams/${(await ownerTeam(context)).id}/runs` }),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/team-runs/:id',
    scope: 'api:read',
    request: async (context) => {
      const team = await ownerTeam(context);
      const run = await asOwner(context, 'POST', `/api/v1/teams/${team.id}/runs`, { input: 'hello' });
      return { url: `/api/v1/team-runs/${run.id}` };
    },
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/agents/match',
    scope: 'api:read',
    request: async (context) => (
      await ownerAgent(context),
      { url: '/api/v1/agents/match', payload: { goal: 'matrix' } }
    ),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/agents/coordinate',
    scope: 'api:write',
    request: async (context) => (
      await ownerAgent(context),
      { url: '/api/v1/agents/coordinate', payload: { goal: 'Summarize the matrix' } }
    ),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-coordinations',
    scope: 'api:read',
    request: async (context) => (
      await asOwner(context, 'POST', '/api/v1/agents/coordinate', { goal: 'Summarize the matrix' }),
      { url: '/api/v1/agent-coordinations' }
    ),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/agent-coordinations/:id',
    scope: 'api:read',
    request: async (context) => {
      const coordination = await asOwner(context, 'POST', '/api/v1/agents/coordinate', {
        goal: 'Summarize the matrix',
      });
      return { url: `/api/v1/agent-coordinations/${coordination.id}` };
    },
    otherUser: 'not_found',
  },
];
