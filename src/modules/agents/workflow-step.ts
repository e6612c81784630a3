import type { UserActor } from '../../actor.js';
import { AgentNotFoundError } from './errors.js';
import type { AgentsService } from './service.js';
import type { AgentRunsService } from './service/runs.js';

/** The agents as a workflow's `agent` step uses them: whether the user may ask one, and asking it. */
export function agentStepRunner(agents: AgentsService, runs: AgentRunsService) {
  return {
    exists: (actor: UserActor, agent: string) =>
      agents.get(actor, agent).then(
        () => true,
        (error: unknown) => {
          if (error instanceof AgentNotFoundError) return false;
          throw error;
        },
      ),
    ask: (actor: UserActor, agent: string, input: string, options: { run_id: string; signal: AbortSignal }) =>
      runs.ask(actor, agent, input, options),
  };
}
