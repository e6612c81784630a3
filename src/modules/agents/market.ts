import type { FastifyInstance } from 'fastify';
import type { FeatureGate } from '../../features/index.js';
import type { Logger } from '../../logger.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { WorkflowService } from '../workflows/index.js';
import { registerA2aRoutes } from './a2a/routes.js';
import type { RemoteAgents } from './a2a/remote-agents.js';
import { registerRemoteAgentRoutes } from './a2a/remote-routes.js';
import { answerWaitingFromText } from './a2a/answer-waiting.js';
import type { AgentRunsPort } from './a2a/runs-port.js';
import type { AgentRunsService } from './service/runs.js';
import type { TeamService } from './service/teams.js';
import { createA2aServer } from './a2a/server.js';
import { createAgentFiles } from './export/agent-files.js';
import { agentListingSource, type AgentsCatalog } from './marketplace/agent-source.js';
import { createMarketplaceService } from './marketplace/service.js';
import { teamListingSource } from './marketplace/team-source.js';
import { workflowListingSource } from './marketplace/workflow-source.js';
import { registerAgentFileRoutes } from './routes/agent-files.js';
import { registerMarketplaceRoutes } from './routes/marketplace.js';

/**
 * The agents' outward side: the marketplace (agents, teams and workflows), agents
 * as JSON files, our agents over A2A, and users' external A2A agents (built first, with
 * `createRemoteAgents`, since agent runs offer their tools).
 */
export function createAgentsMarket({
  agents,
  runs,
  workflows,
  teams,
  remoteAgents,
  logger,
  features,
  ...deps
}: ServiceDeps & {
  agents: AgentsCatalog;
  runs: AgentRunsPort & Pick<AgentRunsService, 'get' | 'answerApprovals'>;
  workflows: WorkflowService;
  teams: TeamService;
  remoteAgents: RemoteAgents;
  logger: Logger;
  features: FeatureGate;
}) {
  return {
    marketplace: createMarketplaceService({
      ...deps,
      features,
      sources: [
        agentListingSource(agents),
        workflowListingSource(workflows.definitions),
        teamListingSource({ teams, agents }),
      ],
    }),
    files: createAgentFiles({ agents, clock: deps.clock }),
    a2a: createA2aServer({
      db: deps.db,
      clock: deps.clock,
      agents,
      runs,
      logger,
      features,
      answerWaiting: answerWaitingFromText(runs),
    }),
    remoteAgents,
  };
}

export type AgentsMarket = ReturnType<typeof createAgentsMarket>;

export function registerAgentsMarketRoutes(app: FastifyInstance, market: AgentsMarket, logger: Logger) {
  registerMarketplaceRoutes(app, market.marketplace);
  registerAgentFileRoutes(app, market.files);
  registerRemoteAgentRoutes(app, market.remoteAgents);
  registerA2aRoutes(app, { server: market.a2a, logger });
}
