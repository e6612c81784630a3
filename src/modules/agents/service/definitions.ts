import { and, desc, eq, ilike, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { escapeLike } from '../../../db/like.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { type AgentDefinition, agentDefinitionSchema } from '../definition.js';
import {
  AgentInvalidError,
  AgentNameTakenError,
  AgentNotFoundError,
  AgentVersionNotFoundError,
} from '../errors.js';
import {
  type Agent,
  type AgentPage,
  type AgentVersion,
  type ListAgentsQuery,
  listAgentsQuerySchema,
  type UpdateAgentInput,
  updateAgentInputSchema,
} from '../schema.js';
import { type AgentRow, agents, agentVersions } from '../table.js';
import { findAgent, toAgentView, visibleTo } from './rows.js';
import '../events.js';

/** The prefix of agent ids. */
export const agentIdPrefix = 'agt_';

/** Parses a definition document, naming the first field at fault. */
export function parseAgentDefinition(document: unknown): AgentDefinition {
  const parsed = agentDefinitionSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new AgentInvalidError(`${field ? `${field}: ` : ''}${issue?.message ?? 'not a definition'}`, field);
}

/**
 * Agent definitions: each user's own, the built-ins, and everyone's shared ones. Every save is a
 * new immutable version (agent_versions); the row holds the current one. Another user's private
 * agent is not found; a shared one and a built-in are readable and runnable by all and changeable
 * by no one else — to anyone else a change is AGENT_NOT_FOUND, as for a private one.
 */
export function createAgentDefinitions({ db, clock, ids, bus }: ServiceDeps) {
  async function loadVisible(actor: Actor, idOrName: string): Promise<AgentRow> {
    const row = await findAgent(db, requireUser(actor).userId, idOrName, 'visible');
    if (!row) throw new AgentNotFoundError(idOrName);
    return row;
  }

  async function loadOwned(actor: Actor, idOrName: string): Promise<AgentRow> {
    const row = await findAgent(db, requireUser(actor).userId, idOrName, 'owned');
    if (!row) throw new AgentNotFoundError(idOrName);
    return row;
  }

  const nameTaken = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'agents_owner_name_idx') ? new AgentNameTakenError(name) : error;
  };

  async function insert(actor: UserActor, definition: AgentDefinition): Promise<Agent> {
    const now = clock.now();
    const row = await db
      .transaction(async (transaction) => {
        const [created] = await transaction
          .insert(agents)
          .values({
            id: `${agentIdPrefix}${ids()}`,
            ownerId: actor.userId,
            name: definition.name,
            description: definition.description,
            definition,
            version: 1,
            visibility: definition.visibility,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('The agent was not stored');
        await transaction.insert(agentVersions).values({
          agentId: created.id,
          version: 1,
          definition,
          createdBy: actor.userId,
          createdAt: now,
        });
        return created;
      })
      .catch(nameTaken(definition.name));
    await bus.publish(actor, 'agent.created', { agent_id: row.id, owner_id: actor.userId, name: row.name });
    return toAgentView(row, actor.userId);
  }

  async function saveVersion(
    actor: UserActor,
    current: AgentRow,
    definition: AgentDefinition,
  ): Promise<Agent> {
    const now = clock.now();
    const row = await db
      .transaction(async (transaction) => {
        // The version is taken under a row lock: concurrent saves get consecutive numbers.
        const [locked] = await transaction
          .select({ version: agents.version })
          .from(agents)
          .where(eq(agents.id, current.id))
          .for('update');
        if (!locked) throw new AgentNotFoundError(current.id);
        const version = locked.version + 1;
        const [updated] = await transaction
          .update(agents)
          .set({
            name: definition.name,
            description: definition.description,
            definition,
            version,
            visibility: definition.visibility,
            updatedAt: now,
          })
          .where(eq(agents.id, current.id))
          .returning();
        await transaction
          .insert(agentVersions)
          .values({ agentId: current.id, version, definition, createdBy: actor.userId, createdAt: now });
        return updated as AgentRow;
      })
      .catch(nameTaken(definition.name));
    await bus.publish(actor, 'agent.updated', {
      agent_id: row.id,
      owner_id: actor.userId,
      version: row.version,
    });
    return toAgentView(row, actor.userId);
  }

  return {
    /** Saves a new agent, version 1. */
    async create(actor: Actor, document: unknown): Promise<Agent> {
      const user = requireUser(actor);
      return insert(user, parseAgentDefinition(document));
    },

    /** An agent you own, a built-in, or a shared one, by id or name. */
    async get(actor: Actor, idOrName: string): Promise<Agent> {
      return toAgentView(await loadVisible(actor, idOrName), requireUser(actor).userId);
    },

    /** The stored row of a visible agent (for the runs: the definition and its version). */
    loadVisible,

    /** Your agents, the built-ins and the shared ones, newest first, searched, a page at a time. */
    async list(actor: Actor, query: ListAgentsQuery = {}): Promise<AgentPage> {
      const { userId } = requireUser(actor);
      const { q, mine, limit, cursor } = listAgentsQuerySchema.parse(query);
      const conditions: (SQL | undefined)[] = [visibleTo(userId)];
      if (mine === true) conditions.push(eq(agents.ownerId, userId));
      if (mine === false) conditions.push(or(isNull(agents.ownerId), ne(agents.ownerId, userId)));
      if (q) {
        const pattern = `%${escapeLike(q)}%`;
        conditions.push(or(ilike(agents.name, pattern), ilike(agents.description, pattern)));
      }
      if (cursor) conditions.push(lt(agents.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(agents)
        .where(and(...conditions))
        .orderBy(desc(agents.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, (row) => toAgentView(row, userId));
      return { items, next_cursor: nextCursor };
    },

    /** Changes an agent you own: the fields given replace the current ones, as a new version. */
    async update(actor: Actor, idOrName: string, fields: UpdateAgentInput): Promise<Agent> {
      const current = await loadOwned(actor, idOrName);
      const changes = updateAgentInputSchema.parse(fields);
      const definition = parseAgentDefinition({ ...current.definition, ...changes });
      return saveVersion(requireUser(actor), current, definition);
    },

    /** Replaces the whole definition of an agent you own: a new version. */
    async replace(actor: Actor, idOrName: string, document: unknown): Promise<Agent> {
      const current = await loadOwned(actor, idOrName);
      return saveVersion(requireUser(actor), current, parseAgentDefinition(document));
    },

    /** Removes an agent you own; its runs stay readable. Its name is free again. */
    async remove(actor: Actor, idOrName: string): Promise<void> {
      const { userId } = requireUser(actor);
      const current = await loadOwned(actor, idOrName);
      const now = clock.now();
      // The name is released (renamed aside) so a new agent may take it.
      await db
        .update(agents)
        .set({ deletedAt: now, updatedAt: now, name: `${current.name}~deleted~${current.id}` })
        .where(eq(agents.id, current.id));
      await bus.publish(actor, 'agent.deleted', { agent_id: current.id, owner_id: userId });
    },

    /** Every version of a visible agent, newest first. */
    async versions(actor: Actor, idOrName: string): Promise<AgentVersion[]> {
      const row = await loadVisible(actor, idOrName);
      const found = await db
        .select()
        .from(agentVersions)
        .where(eq(agentVersions.agentId, row.id))
        .orderBy(desc(agentVersions.version));
      return found.map((version) => ({
        version: version.version,
        definition: version.definition,
        created_at: version.createdAt.toISOString(),
      }));
    },

    /** One version of a visible agent. */
    async version(actor: Actor, idOrName: string, version: number): Promise<AgentVersion> {
      const row = await loadVisible(actor, idOrName);
      const [found] = await db
        .select()
        .from(agentVersions)
        .where(and(eq(agentVersions.agentId, row.id), eq(agentVersions.version, version)));
      if (!found) throw new AgentVersionNotFoundError(version);
      return {
        version: found.version,
        definition: found.definition,
        created_at: found.createdAt.toISOString(),
      };
    },

    /** Makes an old version of an agent you own current again (as a new version). */
    async restore(actor: Actor, idOrName: string, version: number): Promise<Agent> {
      const current = await loadOwned(actor, idOrName);
      const old = await this.version(actor, current.id, version);
      return saveVersion(requireUser(actor), current, parseAgentDefinition(old.definition));
    },
  };
}

export type AgentDefinitions = ReturnType<typeof createAgentDefinitions>;
