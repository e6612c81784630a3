import { systemActor } from './actor.js';
import { createEventBus, type EventBus } from './bus/event-bus.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { buildHttpServer } from './http/build-server.js';
import { registerCsrfProtection } from './http/csrf.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerWebApp } from './http/web-app.js';
import { type IdGenerator, newId } from './ids.js';
import type { Logger } from './logger.js';
import { createMetrics, observeConnections } from './metrics.js';
import { fixtureTools } from './mcp/fixtures/fixture-tools.js';
import { fixtureUser } from './mcp/fixtures/fixture-user.js';
import { addConformanceFixtures } from './mcp/fixtures/mcp-fixtures.js';
import { registerMcpEndpoint } from './mcp/http-endpoint.js';
import { createMcpClientHub, type McpClientHub } from './mcp/client-hub.js';
import { createIdentityServices, type IdentityServices, registerIdentity } from './modules/identity/index.js';
import {
  createPromptService,
  type PromptService,
  readPromptFiles,
  registerPromptRoutes,
  syncPromptFiles,
  watchPromptFiles,
} from './modules/prompts/index.js';
import {
  createTaskService,
  registerTaskRoutes,
  taskResources,
  type TaskService,
  taskTools,
} from './modules/tasks/index.js';
import type { McpServices } from './mcp/build-mcp-server.js';
import {
  createResourceService,
  registerResourceRoutes,
  resourceCatalog,
  type ResourceService,
  resourceTools,
} from './modules/resources/index.js';
import { pdfTextForSearch, textTools } from './modules/text/index.js';
import {
  type ConversationService,
  createConversationService,
  registerConversationRoutes,
} from './modules/conversations/index.js';
import { createEventFeed, type EventFeed, registerEventRoutes } from './modules/events/index.js';
import {
  createMcpServerService,
  type McpServerService,
  registerMcpServerRoutes,
} from './modules/mcp-servers/index.js';
import { fetchPolicyFrom } from './net/fetch-url.js';
import { registerToolRoutes } from './tools/routes.js';
import { createModelRegistry, type ModelRegistry } from './models/registry.js';
import { registerModelRoutes } from './models/routes.js';
import { createTextWriter } from './models/text-writer.js';
import {
  createChatService,
  type ChatService,
  createCompletions,
  registerChatRoutes,
  registerCompletionRoutes,
} from './modules/chat/index.js';
import { createToolRunner, type ToolRunner } from './tools/tool-runner.js';
import { version } from './version.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Names this process in the embedded database's lock, e.g. "switchboard serve". */
  command?: string;
  clock?: Clock;
  ids?: IdGenerator;
}

const pruneEveryMs = 60 * 60 * 1000;
/** A reply not written to for this long is no longer streaming: its writer is gone. */
const staleStreamMs = 2 * 60 * 1000;
/** The most text kept for search from one PDF (search reads the first 250,000 characters). */
const searchableTextLimit = 1_000_000;

/**
 * The composition root: config → database (migrated) → event bus → services → HTTP. Nothing else
 * creates these; tests build the whole app through here.
 */
export async function createApp({
  config,
  logger,
  command = 'switchboard serve',
  clock = systemClock,
  ids = newId,
}: AppOptions) {
  const instanceId = ids();
  const metrics = createMetrics();
  const database = await openDatabase({ config, logger, command });
  let started: EventBus | undefined;
  try {
    await database.migrate();
    observeConnections(metrics, database.stats);
    const bus = await createEventBus({
      database,
      clock,
      ids,
      metrics,
      logger,
      instanceId,
      retentionDays: config.eventRetentionDays,
    });
    started = bus;
    const identity = await createIdentityServices({ db: database.db, bus, clock, ids, config, logger });
    const tasks = createTaskService({ db: database.db, clock, ids, bus });
    const prompts = createPromptService({ db: database.db, clock, ids, bus });
    const conversations = createConversationService({ db: database.db, clock, ids, bus });
    const resources = createResourceService({
      db: database.db,
      clock,
      ids,
      bus,
      fetchPolicy: fetchPolicyFrom(config),
      extractPdfText: (bytes, signal) => pdfTextForSearch(bytes, searchableTextLimit, signal),
    });
    const loadPromptFiles = async () => {
      const { prompts: files, problems } = readPromptFiles(config.promptsDir);
      for (const problem of problems) logger.warn(`skipped a prompt file: ${problem}`);
      await syncPromptFiles({ db: database.db, clock, ids, bus, files });
    };
    await loadPromptFiles();
    // The hub reads servers through the service and the service asks the hub for status: the
    // closure breaks the cycle (the hub reads nothing before the first request).
    const mcpClients = createMcpClientHub({
      servers: { enabledFor: (actor) => mcpServers.enabledFor(actor) },
      audit: identity.audit,
      bus,
      clock,
      logger,
      fetchPolicy: fetchPolicyFrom(config),
      timings: { callTimeoutMs: config.mcpCallTimeoutMs },
    });
    const mcpServers = createMcpServerService({
      db: database.db,
      clock,
      ids,
      bus,
      fetchPolicy: fetchPolicyFrom(config),
      connections: mcpClients,
    });
    const models = createModelRegistry({ db: database.db, config, clock });
    const tools = createToolRunner({
      tools: [
        ...taskTools(tasks),
        ...resourceTools(resources),
        ...textTools({
          textLimit: config.textLimit,
          fetchPolicy: fetchPolicyFrom(config),
          writer: createTextWriter(models),
          readDocument: async (actor, documentId) => {
            const { resource, bytes } = await resources.content(actor, documentId);
            return { mimeType: resource.mimeType, bytes };
          },
        }),
        ...(config.mcpFixtures ? fixtureTools() : []),
      ],
      audit: identity.audit,
      bus,
      clock,
      logger,
    });

    const chat = createChatService({
      conversations,
      models,
      tools,
      users: identity.users,
      externalTools: mcpClients,
      config,
      clock,
      logger,
    });
    const complete = createCompletions({
      models,
      tools,
      users: identity.users,
      clock,
      maxSteps: config.chatMaxSteps,
      toolApproval: config.toolApproval,
      logger,
    });

    const mcpServices: McpServices = {
      tools,
      prompts,
      resources: [resourceCatalog(resources), taskResources(tasks)],
    };
    if (config.mcpFixtures) addConformanceFixtures(mcpServices);

    const http = await buildHttpServer({ config, logger, metrics });
    registerCsrfProtection(http, config);
    registerHealthRoutes(http, { database, metrics });
    registerIdentity(http, identity);
    registerTaskRoutes(http, tasks);
    registerPromptRoutes(http, prompts);
    registerResourceRoutes(http, resources, { uploadLimit: config.uploadLimit });
    registerConversationRoutes(http, conversations, { importLimit: config.uploadLimit });
    registerToolRoutes(http, tools);
    registerModelRoutes(http, models);
    registerChatRoutes(http, chat);
    registerCompletionRoutes(http, complete);
    registerMcpServerRoutes(http, mcpServers);
    const events = createEventFeed({ bus });
    registerEventRoutes(http, events, config);
    registerMcpEndpoint(http, {
      services: mcpServices,
      bus,
      config,
      logger,
      authorizationServer: async () => (await identity.auth.api.getOAuthServerConfig()).issuer,
      ...(config.mcpFixtures ? { actorWithoutCredentials: fixtureUser(identity.users) } : {}),
    });
    await registerWebApp(http);
    return assemble({
      config,
      logger,
      clock,
      database,
      bus,
      http,
      metrics,
      instanceId,
      identity,
      tasks,
      prompts,
      resources,
      conversations,
      models,
      chat,
      tools,
      mcpServers,
      mcpClients,
      events,
      mcpServices,
      loadPromptFiles,
    });
  } catch (error) {
    await started?.close();
    await database.close();
    throw error;
  }
}

interface AppParts {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: DatabaseHandle;
  bus: EventBus;
  http: Awaited<ReturnType<typeof buildHttpServer>>;
  metrics: ReturnType<typeof createMetrics>;
  instanceId: string;
  identity: IdentityServices;
  tasks: TaskService;
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
  /** Users' event history and live events (GET /api/v1/events, over HTTP and WebSocket). */
  events: EventFeed;
  /** What each MCP session is built from, whatever its transport. */
  mcpServices: McpServices;
  /** Reads PROMPTS_DIR again and brings the file prompts up to date. */
  loadPromptFiles: () => Promise<void>;
}

function assemble(parts: AppParts) {
  const {
    config,
    logger,
    clock,
    database,
    bus,
    http,
    instanceId,
    identity,
    conversations,
    mcpClients,
    loadPromptFiles,
  } = parts;
  let stopWatchingPrompts = () => {};
  let pruneTimer: NodeJS.Timeout | undefined;
  let pruning: Promise<void> = Promise.resolve();
  let closing: Promise<void> | undefined;

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
    ])
      .then(([events, auditEntries, interrupted]) => {
        if (events + auditEntries + interrupted > 0)
          logger.info({ events, auditEntries, interrupted }, 'pruned old entries');
      })
      .catch((error) => logger.warn({ err: error }, 'could not prune old entries'));
  };

  return {
    ...parts,

    /** Starts accepting requests; resolves with the address it listens on. */
    async listen(): Promise<string> {
      const url = await http.listen({ port: config.port, host: config.host });
      database.recordServerUrl(url);
      await bus.publish(systemActor, 'instance.started', { instanceId, version });
      pruneOld();
      pruneTimer = setInterval(pruneOld, pruneEveryMs).unref();
      stopWatchingPrompts = watchPromptFiles(config.promptsDir, () => {
        loadPromptFiles().catch((error) => logger.warn({ err: error }, 'could not reload the prompt files'));
      });
      return url;
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
          await parts.chat.stopAll();
          await http.close();
          clearTimeout(cutOff);
          await mcpClients.close();
          await pruning;
          await identity.audit.flush();
          if (listening) await bus.publish(systemActor, 'instance.stopped', { instanceId }).catch(() => {});
          await bus.close();
        } finally {
          await database.close();
        }
      })();
      return closing;
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
