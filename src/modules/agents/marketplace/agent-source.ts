import type { AgentsService } from '../service.js';
import type { Agent } from '../schema.js';
import { ListingNotFoundError } from './errors.js';
import type { ListingSource } from './sources.js';

/** The agents service as the marketplace, export/import and A2A use it. */
export type AgentsCatalog = Pick<AgentsService, 'get' | 'create' | 'replace'>;

/** An agent as those callers read it. */
export type AgentLike = Agent;

/** A definition as it travels (marketplace, export): everything but whom it is shown to. */
export function portableDefinition(definition: Agent['definition']): Record<string, unknown> {
  const { visibility: _visibility, ...rest } = definition;
  return rest;
}

/**
 * Agents in the marketplace. Publishing your agent also makes it `published` (visible to every
 * user, and over A2A); the listing holds the definition without its visibility. An install is a
 * private agent of the installer's.
 */
export function agentListingSource(agents: AgentsCatalog): ListingSource {
  return {
    kind: 'agent',
    async readForPublishing(actor, idOrName) {
      let agent = await agents.get(actor, idOrName);
      if (!agent.is_owner || agent.builtin) throw new ListingNotFoundError(idOrName);
      // The whole definition, not a partial update: only the visibility changes.
      if (agent.visibility !== 'published')
        agent = await agents.replace(actor, agent.id, { ...agent.definition, visibility: 'published' });
      return {
        sourceId: agent.id,
        name: agent.name,
        description: agent.description,
        capabilities: agent.definition.capabilities.map(({ name, description }) => ({ name, description })),
        version: agent.version,
        document: portableDefinition(agent.definition),
      };
    },
    async install(actor, document, name) {
      const created = await agents.create(actor, { ...document, name, visibility: 'private' });
      return { id: created.id };
    },
    async update(actor, targetId, document) {
      const current = await agents.get(actor, targetId);
      if (!current.is_owner) throw new ListingNotFoundError(targetId);
      await agents.replace(actor, targetId, {
        ...document,
        name: current.name,
        visibility: current.visibility,
      });
    },
  };
}
