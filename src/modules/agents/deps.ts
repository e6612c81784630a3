import type { UserActor } from '../../actor.js';
import type { Config } from '../../config.js';
import type { Engine } from '../../engine/index.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { ActorToolSource } from '../../tools/actor-tools.js';
import type { UsersService } from '../identity/index.js';
import type { PromptService } from '../prompts/index.js';

/** What the agents module is built from. */
export interface AgentDeps extends ServiceDeps {
  /** The tool runner: a getter, since the runner also holds the agent tools. */
  tools: () => ToolRunner;
  /** The user's tools beyond the registry: MCP servers' (`server__tool`) and workflows' (`workflow__name`). */
  externalTools: ActorToolSource;
  prompts: PromptService;
  models: ModelRegistry;
  /** The durable engine; absent in one-shot commands, where runs answer ENGINE_UNAVAILABLE. */
  engine: Engine | undefined;
  /** The owners' accounts: a run acts as its owner. */
  users: Pick<UsersService, 'me'>;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /**
   * The memories relevant to a run's input, as lines for its system prompt (long-term memory), from
   * the agent's own scope or its owner's as its `memory.scope` says; undefined when none is found or
   * recall is off. Asked once per run, only for agents whose `memory.read` is on.
   */
  recallMemories?: (
    actor: UserActor,
    input: {
      query: string;
      scope: 'agent' | 'user';
      agentId: string;
      /** How the agent's model counts tokens (the built-in assistant's estimate); o200k when not given. */
      countTokens?: (text: string) => number;
    },
  ) => Promise<string | undefined>;
}
