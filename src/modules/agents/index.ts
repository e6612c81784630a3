import './events.js';

export { createAgentsService, type AgentsService } from './service.js';
export { createAgentRunsService, type AgentRunsService, type AskOptions, maxAgentDepth } from './service.js';
export { registerAgentRoutes } from './routes.js';
export { agentTools } from './tools.js';
export { agentToolNames, type AgentToolName } from './tool-names.js';
export { createAgentToolSource } from './agent-tool-source.js';
export { createTeamToolSource } from './team-tool-source.js';
export { agentToolPrefix } from './run/run-tools.js';
export type { AgentDeps } from './deps.js';
export {
  type AgentCapability,
  type AgentDefinition,
  type AgentDefinitionInput,
  type AgentVisibility,
  agentDefinitionSchema,
  agentNameSchema,
} from './definition.js';
export type {
  Agent,
  AgentAnswer,
  AgentPage,
  AgentRunPage,
  AgentRunView,
  AgentVersion,
  ListAgentRunsQuery,
  ListAgentsQuery,
  StartRunOptions,
  UpdateAgentInput,
} from './schema.js';
export { agentSchema, agentRunSchema, agentVersionSchema } from './schema.js';
export {
  AgentCycleError,
  AgentDepthError,
  AgentInvalidError,
  AgentNameTakenError,
  AgentNotFoundError,
  AgentRunNotFoundError,
  AgentRunStateError,
} from './errors.js';
export type { AgentRow, AgentRunRow, AgentRunStatus } from './table.js';
export { agentStepRunner } from './workflow-step.js';
export { syncSpecialists } from './service/specialists.js';
export { builtinAgentId, specialists } from './specialists/index.js';
export { createAgentCoop, type AgentCoop } from './coop.js';
export { agentCoopTools } from './coop-tools.js';
export { registerAgentCoopRoutes } from './routes/coop.js';
export { runActor } from './run/run-actor.js';

// agents-market: the marketplace, agents as files, A2A (ours and external agents)
export { createAgentsMarket, registerAgentsMarketRoutes, type AgentsMarket } from './market.js';
export { createRemoteAgents, type RemoteAgents, a2aToolPrefix } from './a2a/remote-agents.js';
export type { ListingSource, PublishedItem } from './marketplace/sources.js';
export { type AgentFile, agentFileSchema } from './export/agent-file.js';
export type { AgentFiles } from './export/agent-files.js';
export { isNameTaken } from './marketplace/sources.js';
