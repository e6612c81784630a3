import { systemActor } from './actor.js';
import type { EventBus } from './bus/event-bus.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { type Engine, pruneEffects } from './engine/index.js';
import type { buildHttpServer } from './http/build-server.js';
import type { Logger } from './logger.js';
import type { McpServices } from './mcp/build-mcp-server.js';
import type { McpClientHub } from './mcp/client-hub.js';
import type { createMetrics } from './metrics.js';
import type { ModelRegistry } from './models/registry.js';
import type { ChatService } from './modules/chat/index.js';
import type { ConversationService } from './modules/conversations/index.js';
import type { EventsService } from './modules/events/index.js';
import type { IdentityServices } from './modules/identity/index.js';
import type { McpServerService } from './modules/mcp-servers/index.js';
import type { PromptService } from './modules/prompts/index.js';
import { watchPromptFiles } from './modules/prompts/index.js';
import type { ResourceService } from './modules/resources/index.js';
import type { TaskService } from './modules/tasks/index.js';
import type { AgentCoop, AgentRunsService, AgentsMarket, AgentsService } from './modules/agents/index.js';
import type { PortabilityService } from './modules/portability/index.js';
import type { WorkflowService } from './modules/workflows/index.js';
import type { ContextService } from './modules/context/index.js';
import type { MemoryService } from './modules/memory/index.js';
import type { ToolRunner } from './tools/tool-runner.js';
import { version } from './version.js';
import { runWarmUps, type WarmUp } from './warm-up.js';

const pruneEveryMs = 60 * 60 * 1000;
/** Effect keys matter while a workflow may still repeat a step; a month covers any recovery. */
const effectRetentionMs = 30 * 24 * 60 * 60 * 1000;
/** A reply not written to for this long is no longer streaming: its writer is gone. */
const staleStreamMs = 2 * 60 * 1000;

/** Everything the composition root built, handed to the running app. */
export interface AppParts {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  bus: EventBus;
  http: Awaited<ReturnType<typeof buildHttpServer>>;
  metrics: ReturnType<typeof createMetrics>;
  instanceId: string;
  /** The durable engine (DBOS), when this app runs it. */
  engine: Engine | undefined;
  identity: IdentityServices;
  tasks: TaskService;
  /** Workflow definitions, runs (on the engine), approvals and triggers. */
  workflows: WorkflowService;
  /** Shared context spaces; the sweep purges their old tombstones. */
  context: ContextService;
  /** Long-term memories; the sweep archives unused ones and embeds those without an embedding. */
  memories: MemoryService;
  /** Agent definitions (the built-in specialists among them). */
  agents: AgentsService;
  /** Agent runs, on the engine. */
  agentRuns: AgentRunsService;
  /** Agents working together: mailbox, teams, match, coordinator. */
  agentCoop: AgentCoop;
  prompts: PromptService;
  resources: ResourceService;
  conversations: ConversationService;
  models: ModelRegistry;
  chat: ChatService;
  tools: ToolRunner;
  /** Users' external MCP servers (the records). */
  mcpServers: McpServerService;
  /** Connections to those servers, and each user's external tools for the assistant. */
  mcpClients: McpClientHub;
  /** Users' events: history and live feed, custom events, subscriptions and deliveries, analytics. */
  events: EventsService;
  /** What each MCP session is built from, whatever its transport. */
  mcpServices: McpServices;
  /** The marketplace, agents as files, A2A. */
  agentsMarket: AgentsMarket;
  /** A user's own data as one export file, and its import. */
  portability: PortabilityService;
  /** Reads PROMPTS_DIR again and brings the file prompts up to date. */
  loadPromptFiles: () => Promise<void>;
  /** Slow first-use work done in the background once the server listens (the assistant's libraries). */
  warmUps: WarmUp[];
}

/** The running app: its parts, and how it starts listening and shuts down. */
export function assemble(parts: AppParts) {
  const {
    config,
    logger,
    clock,
    database,
    bus,
    http,
    instanceId,
    engine,
    identity,
    conversations,
    workflows,
    context,
    memories,
    mcpClients,
    loadPromptFiles,
    warmUps,
  } = parts;
  let stopWatchingPrompts = () => {};
  let pruneTimer: NodeJS.Timeout | undefined;
  let pruning: Promise<void> = Promise.resolve();
  let closing: Promise<void> | undefined;
  let warming: Promise<void> = Promise.resolve();

  /** Archives memories unused for MEMORY_ARCHIVE_DAYS (0: never) and embeds those still without an embedding. */
  const memoryUpkeep = async () => {
    const days = config.memoryArchiveDays;
    const before = new Date(clock.now().getTime() - days * 24 * 60 * 60 * 1000);
    const [archived, embedded] = await Promise.all([
      days > 0 ? memories.archiveUnused({ before }) : 0,
      memories.embedMissing(),
    ]).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not archive or embed memories');
      return [0, 0];
    });
    return { archived, embedded };
  };

  /**
   * Deletes what has outlived its retention period (event history, audit entries) and marks replies
   * left streaming by a process that is gone as interrupted.
   */
  const pruneOld = () => {
    const interruptBefore = new Date(clock.now().getTime() - staleStreamMs);
    pruning = Promise.all([
      bus.prune(),
      identity.audit.prune(),
      conversations.interruptStale({ before: interruptBefore }),
      workflows.runs.startStranded().catch((error: unknown) => {
        logger.warn({ err: error }, 'could not start the workflow runs left queued');
        return 0;
      }),
      context.spaces.purgeTombstones({
        before: new Date(clock.now().getTime() - config.contextRetentionDays * 24 * 60 * 60 * 1000),
      }),
      engine
        ? pruneEffects({ db: database.db, before: new Date(clock.now().getTime() - effectRetentionMs) })
        : 0,
      memoryUpkeep(),
      // Expired step-cache entries (WORKFLOW_CACHE_TTL_HOURS): a lookup ignores them already.
      workflows.runs.sweepCache().catch((error: unknown) => {
        logger.warn({ err: error }, 'could not sweep the expired workflow step cache');
        return 0;
      }),
      // Events stored just before a crash but never routed: their deliveries and triggered runs.
      parts.events.sweepUndispatched().catch((error: unknown) => {
        logger.warn({ err: error }, 'could not deliver the events stored but never dispatched');
        return 0;
      }),
      workflows.triggers.sweepEvents().catch((error: unknown) => {
        logger.warn({ err: error }, 'could not start the runs of events stored but never dispatched');
        return 0;
      }),
    ])
      .then(([events, auditEntries, interrupted, strandedRuns, contextTombstones, effects, memoryWork]) => {
        if (memoryWork.archived + memoryWork.embedded > 0) logger.info(memoryWork, 'memory upkeep');
        if (events + auditEntries + interrupted + contextTombstones + effects > 0)
          logger.info(
            { events, auditEntries, interrupted, contextTombstones, effects },
            'pruned old entries',
          );
        if (strandedRuns > 0) logger.info({ runs: strandedRuns }, 'started workflow runs left queued');
      })
      .catch((error) => logger.warn({ err: error }, 'could not prune old entries'));
  };

  return {
    ...parts,

    /** Starts accepting requests; resolves with the address it listens on. */
    async listen(): Promise<string> {
      const url = await http.listen({ port: config.port, host: config.host });
      database.recordServerUrl(url);
      await bus.publish(systemActor, 'instance.started', { instance_id: instanceId, version });
      pruneOld();
      pruneTimer = setInterval(pruneOld, pruneEveryMs).unref();
      stopWatchingPrompts = watchPromptFiles(config.promptsDir, () => {
        loadPromptFiles().catch((error) => logger.warn({ err: error }, 'could not reload the prompt files'));
      });
      warming = runWarmUps(warmUps, logger);
      return url;
    },

    /** Resolves once the background warm-ups started by listen() are done (or failed and logged). */
    warmedUp(): Promise<void> {
      return warming;
    },

    /**
     * Stops accepting requests, lets in-flight ones finish (up to SHUTDOWN_TIMEOUT_MS, then cuts
     * them), and closes the database cleanly. Safe to call more than once.
     */
    close(): Promise<void> {
      closing ??= (async () => {
        clearInterval(pruneTimer);
        stopWatchingPrompts();
        const listening = http.server.listening;
        const cutOff = setTimeout(() => http.server.closeAllConnections(), config.shutdownTimeoutMs).unref();
        try {
          await warming; // nothing of ours runs on after close (it reads the model settings)
          // The chat first: its replies end, so their streams let the HTTP server close. From
          // now on a new chat request is refused (503 SHUTTING_DOWN), its run never renewed.
          await parts.chat.close();
          await http.close();
          clearTimeout(cutOff);
          // After the requests (they may start workflows), before what workflow steps use.
          await engine?.shutdown().catch((error) => logger.warn({ err: error }, 'could not stop the engine'));
          await mcpClients.close();
          await pruning;
          await identity.audit.flush();
          if (listening)
            await bus.publish(systemActor, 'instance.stopped', { instance_id: instanceId }).catch(() => {});
          await bus.close();
        } finally {
          await database.close();
        }
      })();
      return closing;
    },
  };
}
