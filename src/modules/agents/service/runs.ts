import type { Actor } from '../../../actor.js';
import type { AgentDeps } from '../deps.js';
import type {
  AgentAnswer,
  AgentRunPage,
  AgentRunView,
  ListAgentRunsQuery,
  StartRunOptions,
} from '../schema.js';
import type { AgentDefinitions } from './definitions.js';

/** Options of `ask` beside the input: where the run sits in a chain of agents, and how long to wait. */
export interface AskOptions {
  parent_run_id?: string | undefined;
  team_run_id?: string | undefined;
  depth?: number | undefined;
  /** How long to wait for the answer; the run goes on when the wait ends. Default: the agent's timeout. */
  timeout_ms?: number | undefined;
}

/**
 * Agent runs: one run is the chat loop with the agent's definition, as the calling user, on the
 * durable engine. Not yet running: every method but the type answers AGENT_RUNS_PENDING.
 */
export function createAgentRunsService(_deps: AgentDeps & { definitions: AgentDefinitions }) {
  const pending = (): never => {
    throw new Error('Agent runs are being built');
  };
  return {
    /** Starts a run of a visible agent as the actor (a DBOS workflow); answers at once with it queued. */
    async start(_actor: Actor, _agent: string, _options: StartRunOptions): Promise<AgentRunView> {
      return pending();
    },
    /** The run once it ends, or as it is when `timeout_ms` passes. */
    async wait(_actor: Actor, _runId: string, _options: { timeout_ms: number }): Promise<AgentRunView> {
      return pending();
    },
    async get(_actor: Actor, _runId: string): Promise<AgentRunView> {
      return pending();
    },
    async list(_actor: Actor, _query: ListAgentRunsQuery = {}): Promise<AgentRunPage> {
      return pending();
    },
    async cancel(_actor: Actor, _runId: string): Promise<AgentRunView> {
      return pending();
    },
    async resume(_actor: Actor, _runId: string): Promise<AgentRunView> {
      return pending();
    },
    /** Starts a run and waits for its answer. */
    async ask(
      _actor: Actor,
      _agent: string,
      _input: string,
      _options: AskOptions = {},
    ): Promise<AgentAnswer> {
      return pending();
    },
  };
}

export type AgentRunsService = ReturnType<typeof createAgentRunsService>;
