import type { FastifyInstance } from 'fastify';
import { registerAgentDefinitionRoutes } from './routes/agents.js';
import { registerAgentRunRoutes } from './routes/runs.js';
import type { AgentsService } from './service.js';
import type { AgentRunsService } from './service/runs.js';

/** The agents over REST: /api/v1/agents and /api/v1/agent-runs. */
export function registerAgentRoutes(
  app: FastifyInstance,
  { agents, runs }: { agents: AgentsService; runs: AgentRunsService },
) {
  registerAgentDefinitionRoutes(app, agents);
  registerAgentRunRoutes(app, runs);
}
