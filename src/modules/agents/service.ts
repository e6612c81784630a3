import type { ServiceDeps } from '../../service-deps.js';
import { createAgentDefinitions } from './service/definitions.js';

/**
 * Agents: owned, versioned definitions (`list`, `get`, `create`, `update`, `replace`, `remove`,
 * `versions`, `version`, `restore`), the built-ins and everyone's shared ones readable by all.
 * Runs are `createAgentRunsService` (service/runs.ts).
 */
export function createAgentsService(deps: ServiceDeps) {
  return createAgentDefinitions(deps);
}

export type AgentsService = ReturnType<typeof createAgentsService>;

export {
  createAgentRunsService,
  type AgentRunsService,
  type AskOptions,
  maxAgentDepth,
} from './service/runs.js';
