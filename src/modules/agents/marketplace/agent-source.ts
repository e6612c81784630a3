import type { Actor } from '../../../actor.js';
import { ListingNotFoundError } from './errors.js';
import type { ListingSource } from './sources.js';

/** The agents service as the marketplace, export/import and A2A use it (agents-core's contract). */
export interface AgentsCatalog {
  get(actor: Actor, idOrName: string): Promise<AgentLike>;
  create(actor: Actor, definition: Record<string, unknown>): Promise<AgentLike>;
  update(actor: Actor, idOrName: string, fields: Record<string, unknown>): Promise<AgentLike>;
}

/** What those callers read of an agent. */
export interface AgentLike {
  id: string;
  name: string;
  description: string;
  version: number;
  visibility: 'private' | 'shared' | 'published';
  builtin: boolean;
  is_owner: boolean;
  definition: Record<string, unknown> & {
    capabilities: { name: string; description: string; input_schema?: Record<string, unknown> }[];
  };
}

/** A definition as it travels (marketplace, export): everything but whom it is shown to. */
export function portableDefinition(definition: AgentLike['definition']): Record<string, unknown> {
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
      if (agent.visibility !== 'published') agent = await agents.update(actor, agent.id, { visibility: 'published' });
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
      await agents.update(actor, targetId, { ...document, name: current.name, visibility: current.visibility });
    },
  };
}
