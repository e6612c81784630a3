import type { UserActor } from '../../actor.js';
import type { Actor } from '../../actor.js';
import type { Config } from '../../config.js';
import type { Engine } from '../../engine/index.js';
import type { Logger } from '../../logger.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { AgentDirectory } from './mailbox/directory.js';
import type { AgentRunsService, AgentsService } from './service.js';
import { createCoordinator } from './service/coordinator.js';
import { createMailboxService } from './service/mailbox.js';
import { matchAgents, type MatchAgentsInput } from './service/match.js';
import { createTeamService } from './service/teams.js';

export interface AgentCoopDeps extends ServiceDeps {
  engine: Engine | undefined;
  agents: AgentsService;
  runs: AgentRunsService;
  tools: () => ToolRunner;
  /** The user a team run acts as (its owner). */
  actorOf: (ownerId: string) => Promise<UserActor>;
  config: Pick<Config, 'agentMessageMaxAttempts' | 'agentMessageAckTimeoutMs'>;
  logger: Logger;
}

/**
 * Agents working together: the mailbox (messages between agents), teams, capability matching
 * and the coordinator, over the agents and runs services.
 */
export function createAgentCoop(deps: AgentCoopDeps) {
  const { agents, runs, config } = deps;
  const directory: AgentDirectory = {
    async agent(actor, idOrName) {
      const agent = await agents.get(actor, idOrName);
      return { id: agent.id, name: agent.name, capabilities: agent.definition.capabilities };
    },
    async run(actor, runId) {
      const run = await runs.get(actor, runId);
      return { id: run.id, agent_id: run.agent_id };
    },
  };
  const mailbox = createMailboxService({
    ...deps,
    directory,
    settings: { maxAttempts: config.agentMessageMaxAttempts, ackTimeoutMs: config.agentMessageAckTimeoutMs },
  });
  const teams = createTeamService({ ...deps, directory });
  return {
    mailbox,
    teams,
    /** The user's visible agents ranked by how well their capabilities match a goal. */
    match: (actor: Actor, input: MatchAgentsInput) => matchAgents(deps.db, actor, input, runs.unavailable),
    /** Coordinations: a goal's parts handed to the best-matching agents, durably (DBOS). */
    coordinator: createCoordinator({ ...deps, mailbox, unavailable: runs.unavailable }),
  };
}
export type AgentCoop = ReturnType<typeof createAgentCoop>;
