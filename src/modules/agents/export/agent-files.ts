import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Clock } from '../../../clock.js';
import { type AgentLike, type AgentsCatalog, portableDefinition } from '../marketplace/agent-source.js';
import { isNameTaken } from '../marketplace/sources.js';
import {
  type AgentFile,
  agentFileSchema,
  type ImportAgentQuery,
  importAgentQuerySchema,
} from './agent-file.js';

/**
 * Agents as JSON files: export any agent you may read (yours, shared, published, built-in), import
 * one as a new private agent of yours. The definition is checked as any new agent's (tools you do
 * not have are refused by the agents service).
 */
export function createAgentFiles({ agents, clock }: { agents: AgentsCatalog; clock: Clock }) {
  return {
    async exportAgent(actor: Actor, idOrName: string): Promise<AgentFile> {
      requireUser(actor);
      const agent = await agents.get(actor, idOrName);
      return {
        format: 'switchboard.agent',
        format_version: 1,
        exported_at: clock.now().toISOString(),
        exported_version: agent.version,
        agent: portableDefinition(agent.definition),
      };
    },

    /** A new private agent from a file; a name you already use is a 409, or renamed when asked. */
    async importAgent(actor: Actor, file: AgentFile, query: ImportAgentQuery = {}): Promise<AgentLike> {
      const user = requireUser(actor);
      const { agent } = agentFileSchema.parse(file);
      const { on_conflict } = importAgentQuerySchema.parse(query);
      const base = typeof agent.name === 'string' ? agent.name : '';
      for (let attempt = 1; ; attempt += 1) {
        const name = attempt === 1 ? base : `${base.slice(0, 60)}-${attempt}`;
        try {
          return await agents.create(user, { ...agent, name, visibility: 'private' });
        } catch (error) {
          if (on_conflict === 'fail' || !isNameTaken(error) || attempt >= 50) throw error;
        }
      }
    },
  };
}

export type AgentFiles = ReturnType<typeof createAgentFiles>;
