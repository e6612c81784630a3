import type { UserActor } from '../../actor.js';
import type { Config } from '../../config.js';
import type { Engine } from '../../engine/index.js';
import type { Logger } from '../../logger.js';
import type { McpClientHub } from '../../mcp/client-hub.js';
import type { Metrics } from '../../metrics.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { UsersService } from '../identity/index.js';
import type { PromptService } from '../prompts/index.js';
import type { PipelineDocuments } from './pipeline/items.js';
import type { WaitingOwners } from './service/waiting-owners.js';

/** What the workflows module is built from. */
export interface WorkflowDeps extends ServiceDeps {
  /** The tool runner: a getter, since the runner also holds the workflow tools. */
  tools: () => ToolRunner;
  /** Users' external MCP servers, whose tools a `tool` step may call (`server__tool`). */
  externalTools: McpClientHub;
  prompts: PromptService;
  models: ModelRegistry;
  /** The durable engine; absent in one-shot commands, where runs answer ENGINE_UNAVAILABLE. */
  engine: Engine | undefined;
  /** Seals webhook secrets at rest. */
  secrets: SecretBox;
  /** The owners' accounts: a trigger's run acts as the owner, with their role, unless deactivated. */
  users: Pick<UsersService, 'me'>;
  config: Config;
  /** The documents pipelines go over and write their reports to (the resources service). */
  documents: PipelineDocuments;
  logger: Logger;
  metrics: Metrics;
  /** Runs agents for the `agent` step kind (the agents module); absent: agent steps are refused. */
  agents?: () => AgentStepRunner;
  /** Who may have an open wait_event wait (built by the module: `createWorkflowService` adds it). */
  waitingOwners: WaitingOwners;
}

/** What an `agent` step needs of the agents module: whether the user may ask an agent, and asking it. */
export interface AgentStepRunner {
  exists(actor: UserActor, agent: string): Promise<boolean>;
  ask(
    actor: UserActor,
    agent: string,
    input: string,
    options: { run_id: string; signal: AbortSignal; until_ended: boolean },
  ): Promise<{
    run_id: string;
    status: string;
    output: string | null;
    error: { code: string; message: string } | null;
  }>;
}
