import { AgentCard } from '@a2a-js/sdk';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { DomainError } from '../../../errors.js';
import type { FetchPolicy } from '../../../net/fetch-url.js';
import type { SecretBox } from '../../../secrets/secret-box.js';
import type { ServiceDeps } from '../../../service-deps.js';
import type { ActorTool, ActorToolSource } from '../../../tools/actor-tools.js';
import { errorResult } from '../../../tools/tool-runner.js';
import { FeatureDisabledError, type FeatureGate } from '../../../features/index.js';
import {
  RemoteAgentCardError,
  RemoteAgentNameTakenError,
  RemoteAgentNotFoundError,
} from './remote-errors.js';
import { a2aFetch, askRemoteAgent, readAgentCard } from './remote-client.js';
import { type AddRemoteAgentInput, addRemoteAgentInputSchema, type RemoteAgent } from './remote-schema.js';
import { type A2aRemoteAgentRow, a2aRemoteAgents } from './tables.js';
import './remote-events.js';

/** The tools of external A2A agents: `a2a__<name>`. */
export const a2aToolPrefix = 'a2a__';

function toView(row: A2aRemoteAgentRow): RemoteAgent {
  const card = AgentCard.fromJSON(row.card);
  return {
    id: row.id,
    name: row.name,
    tool: `${a2aToolPrefix}${row.name}`,
    card_url: row.cardUrl,
    description: row.description,
    agent_name: card.name,
    endpoint: card.supportedInterfaces.find((entry) => entry.protocolBinding === 'JSONRPC')?.url ?? null,
    skills: card.skills.map(({ id, name, description }) => ({ id, name, description })),
    has_token: row.token !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A card's name as a tool name: lowercase, dashes for anything else. */
function nameFrom(cardName: string): string {
  const slug = cardName
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 50);
  return slug || 'agent';
}

/**
 * External A2A agents a user added by their card URL (fetched through the URL guard), each offered
 * to that user as the tool `a2a__<name>`, which sends the agent a message and answers with its reply.
 */
export function createRemoteAgents({
  db,
  clock,
  ids,
  bus,
  fetchPolicy,
  secrets,
  features,
}: ServiceDeps & {
  fetchPolicy: FetchPolicy;
  secrets: SecretBox;
  /** While an admin has A2A switched off, these agents' tools are gone and the rest answers FEATURE_DISABLED. */
  features: FeatureGate;
}) {
  const tokenOf = (row: A2aRemoteAgentRow) =>
    row.token === null ? undefined : secrets.open(row.token, row.id);

  async function loadOwned(actor: Actor, id: string): Promise<A2aRemoteAgentRow> {
    const { userId } = requireUser(actor);
    await features.require('a2a');
    const [row] = await db
      .select()
      .from(a2aRemoteAgents)
      .where(and(eq(a2aRemoteAgents.id, id), eq(a2aRemoteAgents.ownerId, userId)));
    if (!row) throw new RemoteAgentNotFoundError(id);
    return row;
  }

  async function call(actor: UserActor, row: A2aRemoteAgentRow, args: unknown, signal: AbortSignal) {
    if (!(await features.isEnabled('a2a')))
      return errorResult({ code: 'FEATURE_DISABLED', message: new FeatureDisabledError('a2a').message });
    const text = String((args as { message?: unknown } | null)?.message ?? '');
    try {
      const answer = await askRemoteAgent({
        card: AgentCard.fromJSON(row.card),
        fetchImpl: a2aFetch(fetchPolicy, tokenOf(row)),
        text,
        signal: AbortSignal.any([signal, AbortSignal.timeout(fetchPolicy.timeoutMs * 4)]),
      });
      if (answer.state === 'failed' || answer.state === 'rejected')
        return errorResult({
          code: 'A2A_TASK_FAILED',
          message: answer.text || `The agent's task ${answer.state}`,
        });
      return {
        content: [{ type: 'text' as const, text: answer.text }],
        structuredContent: { state: answer.state, task_id: answer.taskId, answer: answer.text },
        isError: false,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The agent did not answer';
      return errorResult({ code: 'A2A_CALL_FAILED', message: `${row.name}: ${message}`.slice(0, 500) });
    }
  }

  // A chat asks every turn: drizzle builds the statement once, Postgres parses it once a connection.
  const ownedAgents = db
    .select()
    .from(a2aRemoteAgents)
    .where(eq(a2aRemoteAgents.ownerId, sql.placeholder('userId')))
    .orderBy(asc(a2aRemoteAgents.name))
    .prepare('a2a_tools_for');

  const toolSource: ActorToolSource = {
    async toolsFor(actor: UserActor): Promise<ActorTool[]> {
      if (!(await features.isEnabled('a2a'))) return [];
      const rows = await ownedAgents.execute({ userId: actor.userId });
      return rows.map((row) => ({
        name: `${a2aToolPrefix}${row.name}`,
        title: row.name,
        description: `Asks the external A2A agent ${row.name}: ${row.description}`.slice(0, 1_000),
        inputSchema: {
          type: 'object',
          properties: { message: { type: 'string', description: 'What to ask the agent, in words' } },
          required: ['message'],
          additionalProperties: false,
        },
        destructive: true,
        call: (args, signal) => call(actor, row, args, signal),
      }));
    },
    changesToolsOf: (event, actor) =>
      event.type.startsWith('a2a_agent.') && (event.data as { owner_id?: unknown }).owner_id === actor.userId,
  };

  return {
    toolSource,

    /** Reads the card at the URL (through the URL guard, with the token) and adds the agent as yours. */
    async add(actor: Actor, input: AddRemoteAgentInput): Promise<RemoteAgent> {
      const { userId } = requireUser(actor);
      await features.require('a2a');
      const { card_url, name, token } = addRemoteAgentInputSchema.parse(input);
      const card = await readAgentCard(card_url, a2aFetch(fetchPolicy, token)).catch((error: unknown) => {
        if (error instanceof DomainError) throw error;
        throw new RemoteAgentCardError(`The agent card at ${card_url} could not be read`, { cause: error });
      });
      if (!card.supportedInterfaces.some((entry) => entry.protocolBinding === 'JSONRPC'))
        throw new RemoteAgentCardError('The agent card names no JSON-RPC endpoint');
      const id = `a2a_${ids()}`;
      const now = clock.now();
      const chosen = name ?? nameFrom(card.name);
      const [row] = await db
        .insert(a2aRemoteAgents)
        .values({
          id,
          ownerId: userId,
          name: chosen,
          cardUrl: card_url,
          card: AgentCard.toJSON(card) as Record<string, unknown>,
          description: card.description.slice(0, 2_000),
          token: token === undefined ? null : secrets.seal(token, id),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error, 'a2a_remote_agents_owner_name_idx')
            ? new RemoteAgentNameTakenError(chosen)
            : error;
        });
      if (!row) throw new Error('The external agent was not stored');
      await bus.publish(actor, 'a2a_agent.added', { a2a_agent_id: id, owner_id: userId, name: chosen });
      return toView(row);
    },

    async list(actor: Actor): Promise<RemoteAgent[]> {
      const { userId } = requireUser(actor);
      await features.require('a2a');
      const rows = await db
        .select()
        .from(a2aRemoteAgents)
        .where(eq(a2aRemoteAgents.ownerId, userId))
        .orderBy(asc(a2aRemoteAgents.name));
      return rows.map(toView);
    },

    async get(actor: Actor, id: string): Promise<RemoteAgent> {
      return toView(await loadOwned(actor, id));
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const row = await loadOwned(actor, id);
      await db.delete(a2aRemoteAgents).where(eq(a2aRemoteAgents.id, row.id));
      await bus.publish(actor, 'a2a_agent.removed', {
        a2a_agent_id: id,
        owner_id: row.ownerId,
        name: row.name,
      });
    },

    /** Asks one of your external agents directly (what its tool does), for a team member or a test. */
    async ask(actor: Actor, id: string, message: string, signal: AbortSignal = new AbortController().signal) {
      const user = requireUser(actor);
      return call(user, await loadOwned(actor, id), { message }, signal);
    },
  };
}

export type RemoteAgents = ReturnType<typeof createRemoteAgents>;
