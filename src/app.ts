import { backupBeforeUpgrade } from './backup/before-upgrade.js';
import { createEventBus, type EventBus } from './bus/event-bus.js';
import { type Engine, openEngine } from './engine/index.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/open-database.js';
import { buildHttpServer } from './http/build-server.js';
import { registerCsrfProtection } from './http/csrf.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerVersionRoutes } from './http/version-routes.js';
import { createFeatureFlags, registerFeatureRoutes } from './features/index.js';
import { registerWebApp } from './http/web-app.js';
import { type IdGenerator, newId } from './ids.js';
import type { Logger } from './logger.js';
import { createMetrics, observeConnections } from './metrics.js';
import { fixtureTools } from './mcp/fixtures/fixture-tools.js';
import { fixtureUser } from './mcp/fixtures/fixture-user.js';
import { addConformanceFixtures } from './mcp/fixtures/mcp-fixtures.js';
import { registerMcpEndpoint } from './mcp/http-endpoint.js';
import { createMcpClientHub } from './mcp/client-hub.js';
import {
  createIdentityServices,
  type IdentityServices,
  loadAuthSecret,
  registerIdentity,
} from './modules/identity/index.js';
import {
  createPromptService,
  readPromptFiles,
  registerPromptRoutes,
  syncPromptFiles,
} from './modules/prompts/index.js';
import { createTaskService, registerTaskRoutes, taskResources, taskTools } from './modules/tasks/index.js';
import type { McpServices } from './mcp/build-mcp-server.js';
import {
  createResourceService,
  registerResourceRoutes,
  resourceCatalog,
  resourceTools,
} from './modules/resources/index.js';
import { createPdfExtractor, textTools } from './modules/text/index.js';
import { createConversationService, registerConversationRoutes } from './modules/conversations/index.js';
import { createOfflineModel, loadLibraries } from './modules/assistant/index.js';
import {
  createEventsService,
  eventTools,
  registerEventRoutes,
  registerEventServiceRoutes,
} from './modules/events/index.js';
import {
  createMcpServerService,
  mcpServerSecretPurpose,
  registerMcpServerRoutes,
  sealPlaintextSecrets,
} from './modules/mcp-servers/index.js';
import { createSecretBox } from './secrets/secret-box.js';
import { fetchPolicyFrom } from './net/fetch-url.js';
import { registerToolRoutes } from './tools/routes.js';
import { createModelRegistry, type ModelRegistry } from './models/registry.js';
import { registerModelRoutes } from './models/routes.js';
import { createTextWriter } from './models/text-writer.js';
import {
  type ChatService,
  createChatRelay,
  createChatService,
  createCompletions,
  registerChatRoutes,
  registerCompletionRoutes,
  registerModelListRoute,
} from './modules/chat/index.js';
import { createToolRunner, type ToolRunner } from './tools/tool-runner.js';
import { combineToolSources } from './tools/actor-tools.js';
import {
  type AgentStepRunner,
  createWorkflowService,
  registerWorkflowRoutes,
  workflowTools,
} from './modules/workflows/index.js';
import { assemble } from './app-lifecycle.js';
import {
  contextResources,
  contextTools,
  createContextService,
  registerContextRoutes,
} from './modules/context/index.js';
import { systemActor } from './actor.js';
import {
  agentStepRunner,
  agentTools,
  createAgentRunsService,
  createAgentsService,
  createAgentToolSource,
  createTeamToolSource,
  registerAgentRoutes,
  syncSpecialists,
  agentCoopTools,
  createAgentCoop,
  registerAgentCoopRoutes,
  runActor,
  createAgentsMarket,
  createRemoteAgents,
  registerAgentsMarketRoutes,
} from './modules/agents/index.js';
import type { WarmUp } from './warm-up.js';
import { createEmbedder } from './models/embedding-model.js';
import {
  createMemoryService,
  memoryResources,
  prepareVectorSearch,
  memoryTools,
  registerMemoryRoutes,
} from './modules/memory/index.js';
import { createPortabilityService, registerPortabilityRoutes } from './modules/portability/index.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Names this process in the embedded database's lock, e.g. "switchboard serve". */
  command?: string;
  clock?: Clock;
  ids?: IdGenerator;
  /**
   * Runs the durable engine (DBOS), launched once the modules have registered their workflows.
   * `serve` does; one-shot commands (user, apikey) do not, and tests opt in: DBOS is one per process.
   */
  engine?: boolean;
}

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
  engine: withEngine = false,
}: AppOptions) {
  const instanceId = ids();
  const metrics = createMetrics();
  const database = await openDatabase({ config, logger, command });
  let started: EventBus | undefined;
  let engine: Engine | undefined;
  let chatStarted: ChatService | undefined;
  let launching: Promise<void> | undefined;
  try {
    await database.migrate(backupBeforeUpgrade({ config, kind: database.kind, logger }));
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
    // Before the modules: they register their workflows with DBOS while they are built.
    engine = withEngine ? openEngine({ config, database, logger, metrics }) : undefined;
    // The switches record changes in identity's audit log, and identity's sign-up asks a switch.
    const features = createFeatureFlags({
      db: database.db,
      clock,
      disabledByDefault: config.featuresDisabled,
      audit: (actor, input) => identity.audit.record(actor, input),
    });
    const identity = await createIdentityServices({
      db: database.db,
      bus,
      clock,
      ids,
      config,
      logger,
      features,
    });
    const tasks = createTaskService({ db: database.db, clock, ids, bus });
    const prompts = createPromptService({ db: database.db, clock, ids, bus });
    const conversations = createConversationService({ db: database.db, clock, ids, bus });
    // One reader of PDFs, off the event loop, for uploads and the extract_pdf_text tool alike.
    const pdfExtractor = createPdfExtractor({
      limits: {
        maxUnpackedBytes: config.extractMaxUnpackedBytes,
        maxPages: config.extractMaxPages,
        timeoutMs: config.extractTimeoutMs,
        memoryMb: config.extractMemoryMb,
      },
      searchableTextLimit,
      logger,
    });
    const resources = createResourceService({
      db: database.db,
      clock,
      ids,
      bus,
      fetchPolicy: fetchPolicyFrom(config),
      features,
      extractPdfText: (bytes, signal) => pdfExtractor.searchableText(bytes, signal),
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
      servers: {
        enabledFor: (actor) => mcpServers.enabledFor(actor),
        available: () => features.isEnabled('external_mcp_servers'),
      },
      audit: identity.audit,
      bus,
      clock,
      logger,
      fetchPolicy: fetchPolicyFrom(config),
      timings: { callTimeoutMs: config.mcpCallTimeoutMs },
    });
    const authSecret = await loadAuthSecret(database.db, config.authSecret);
    const mcpServerSecrets = createSecretBox(authSecret, mcpServerSecretPurpose);
    await sealPlaintextSecrets(database.db, mcpServerSecrets);
    const mcpServers = createMcpServerService({
      db: database.db,
      clock,
      ids,
      bus,
      fetchPolicy: fetchPolicyFrom(config),
      connections: mcpClients,
      secrets: mcpServerSecrets,
      features,
    });
    const models = createModelRegistry({
      db: database.db,
      config,
      clock,
      offlineModel: () => createOfflineModel({ clock }),
    });
    const context = createContextService({
      db: database.db,
      clock,
      ids,
      bus,
      directory: {
        userIdByEmail: async (email) => (await identity.users.findByEmail(systemActor, email)).id,
        userExists: (userId) =>
          identity.users.get(systemActor, userId).then(
            () => true,
            () => false,
          ),
        profiles: (userIds) => identity.users.profiles(systemActor, userIds),
      },
    });
    const memories = createMemoryService({
      db: database.db,
      clock,
      ids,
      bus,
      logger,
      conversations,
      writer: createTextWriter(models),
      embedder: createEmbedder(config),
      vectorSearch: await prepareVectorSearch({ db: database.db, logger, enabled: config.memoryPgvector }),
    });
    // The runner holds the workflow tools and the workflows call tools: the getter breaks the cycle.
    const late: { tools?: ToolRunner; agents?: AgentStepRunner } = {};
    const workflows = createWorkflowService({
      db: database.db,
      clock,
      ids,
      bus,
      tools: () => late.tools as ToolRunner,
      externalTools: mcpClients,
      prompts,
      models,
      engine,
      secrets: createSecretBox(authSecret, 'workflow-webhook'),
      agents: () => late.agents as AgentStepRunner,
      users: identity.users,
      config,
      logger,
      metrics,
      documents: resources,
    });
    // Users' external A2A agents: their tools (a2a__<name>) go to the chat, MCP and agent runs.
    const remoteAgents = createRemoteAgents({
      db: database.db,
      clock,
      ids,
      bus,
      fetchPolicy: fetchPolicyFrom(config),
      secrets: createSecretBox(authSecret, 'a2a-agent-token'),
      features,
    });
    // Agents run the chat loop with the user's tools; their own agent__<name> tools come from them.
    const agents = createAgentsService({ db: database.db, clock, ids, bus });
    // Each of a user's teams is a tool team__<name> (the chat, MCP, agent runs); the teams come later.
    const teamToolSource = createTeamToolSource({
      db: database.db,
      teams: () => agentCoop.teams,
      logger,
    });
    await syncSpecialists({ db: database.db, clock });
    const agentRuns = createAgentRunsService({
      db: database.db,
      clock,
      ids,
      bus,
      definitions: agents,
      tools: () => late.tools as ToolRunner,
      externalTools: combineToolSources(
        workflows.triggers.tools,
        teamToolSource,
        mcpClients,
        remoteAgents.toolSource,
      ),
      prompts,
      models,
      engine,
      users: identity.users,
      config,
      logger,
      metrics,
      recallMemories: async (actor, { query, scope, agentId, countTokens }) =>
        config.memoryRecallTokens > 0
          ? (
              await memories.recall(actor, {
                query,
                tokenBudget: config.memoryRecallTokens,
                countTokens,
                scope,
                ...(scope === 'agent' ? { scope_id: agentId } : {}),
              })
            ).prompt
          : undefined,
    });
    late.agents = agentStepRunner(agents, agentRuns);
    // Agents working together: messages between agents, teams, matching, the coordinator.
    const agentCoop = createAgentCoop({
      db: database.db,
      clock,
      ids,
      bus,
      engine,
      agents,
      runs: agentRuns,
      tools: () => late.tools as ToolRunner,
      actorOf: (ownerId) => runActor(identity.users, ownerId),
      config,
      logger,
    });
    const events = createEventsService({
      db: database.db,
      clock,
      ids,
      bus,
      engine,
      secrets: createSecretBox(authSecret, 'event-webhook'),
      features,
      users: identity.users,
      workflows,
      // An event for an agent is its input message: one run per delivery (its id keeps a repeat once-only).
      deliverToAgent: async (owner, { agentId, event, deliveryId }) => {
        await agentRuns.start(owner, agentId, {
          input: `An event arrived (${event.type}): ${JSON.stringify(event)}`,
          run_id: `arun_event_${deliveryId}`,
        });
      },
      config,
      logger,
    });
    const agentToolSource = createAgentToolSource({ db: database.db, runs: agentRuns, logger });
    // The marketplace (agents and workflows people publish), agents as files, and A2A.
    const agentsMarket = createAgentsMarket({
      db: database.db,
      clock,
      ids,
      bus,
      agents,
      runs: agentRuns,
      workflows,
      teams: agentCoop.teams,
      remoteAgents,
      logger,
      features,
    });
    // A user's own memories, context spaces, agents and workflows as one file (GET /api/v1/me/export).
    const portability = createPortabilityService({
      memories,
      context,
      agents,
      agentFiles: agentsMarket.files,
      workflows: workflows.definitions,
      clock,
    });
    const tools = createToolRunner({
      tools: [
        ...taskTools(tasks),
        ...eventTools(events),
        ...workflowTools(workflows),
        ...agentTools({ agents, runs: agentRuns }),
        ...agentCoopTools(agentCoop),
        ...resourceTools(resources),
        ...contextTools(context),
        ...memoryTools(memories),
        ...textTools({
          textLimit: config.textLimit,
          fetchPolicy: fetchPolicyFrom(config),
          writer: createTextWriter(models),
          pdfExtractor,
          readDocument: async (actor, documentId) => {
            const { resource, bytes } = await resources.content(actor, documentId);
            return { mimeType: resource.mime_type, bytes };
          },
        }),
        ...(config.mcpFixtures ? fixtureTools() : []),
      ],
      audit: identity.audit,
      bus,
      clock,
      logger,
    });
    late.tools = tools;

    const chat = createChatService({
      db: database.db,
      ids,
      processId: instanceId,
      relay: await createChatRelay({ database, instanceId, logger }),
      conversations,
      models,
      tools,
      users: identity.users,
      // The user's MCP servers' tools and their published workflows (workflow__<name>).
      externalTools: combineToolSources(
        workflows.triggers.tools,
        agentToolSource,
        teamToolSource,
        mcpClients,
        remoteAgents.toolSource,
      ),
      config,
      clock,
      logger,
      recallMemories: async (actor, message, countTokens) =>
        config.memoryRecallTokens > 0
          ? memories.recallToRecord(actor, {
              query: message,
              tokenBudget: config.memoryRecallTokens,
              countTokens,
            })
          : undefined,
      ...(config.memoryExtract ? { afterTurn: memories.extractFacts } : {}),
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
      resources: [
        resourceCatalog(resources),
        taskResources(tasks),
        contextResources(context),
        memoryResources(memories),
      ],
      actorTools: combineToolSources(
        workflows.triggers.tools,
        agentToolSource,
        teamToolSource,
        remoteAgents.toolSource,
      ),
    };
    if (config.mcpFixtures) addConformanceFixtures(mcpServices);

    // Every module has registered its workflows and steps (no route does): DBOS launches (its
    // schema check, this executor's recovery: round trips to the database) while the routes are
    // registered, and is awaited before the app is handed over.
    launching = engine?.launch();
    launching?.catch(() => undefined); // a failure is awaited below; this keeps it from going unhandled meanwhile
    const http = await buildHttpServer({ config, logger, metrics });
    registerCsrfProtection(http, config);
    registerHealthRoutes(http, { database, metrics, readiness: [() => identity.auth.ready()] });
    registerVersionRoutes(http, { startedAt: clock.now() });
    registerFeatureRoutes(http, features);
    registerIdentity(http, identity);
    registerTaskRoutes(http, tasks);
    registerPromptRoutes(http, prompts);
    registerResourceRoutes(http, resources, { uploadLimit: config.uploadLimit });
    registerConversationRoutes(http, conversations, { importLimit: config.uploadLimit });
    registerToolRoutes(http, tools);
    registerModelRoutes(http, models);
    registerChatRoutes(http, chat);
    registerCompletionRoutes(http, complete);
    registerModelListRoute(http, { models, startedAt: clock.now() });
    registerMcpServerRoutes(http, mcpServers);
    registerWorkflowRoutes(http, workflows);
    registerContextRoutes(http, context);
    registerMemoryRoutes(http, memories);
    registerAgentRoutes(http, { agents, runs: agentRuns });
    registerAgentCoopRoutes(http, agentCoop);
    registerAgentsMarketRoutes(http, agentsMarket, logger);
    registerPortabilityRoutes(http, portability, { importLimit: config.uploadLimit });
    registerEventRoutes(http, events.feed, config);
    registerEventServiceRoutes(http, events);
    registerMcpEndpoint(http, {
      services: mcpServices,
      bus,
      config,
      logger,
      authorizationServer: async () => (await (await identity.auth.get()).api.getOAuthServerConfig()).issuer,
      ...(config.mcpFixtures ? { actorWithoutCredentials: fixtureUser(identity.users) } : {}),
    });
    await registerWebApp(http, {
      resolveActor: identity.resolveActor,
      needsSetup: () => identity.users.needsSetup(),
    });
    chatStarted = chat;
    await launching;
    return assemble({
      config,
      logger,
      clock,
      database,
      bus,
      http,
      metrics,
      instanceId,
      engine,
      identity,
      tasks,
      workflows,
      context,
      memories,
      agents,
      agentRuns,
      agentCoop,
      agentsMarket,
      portability,
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
      warmUps: [signInWarmUp(identity, logger), defaultModelWarmUp(models), assistantLibrariesWarmUp(models)],
    });
  } catch (error) {
    // The chat's sweep ticks and its relay listens until closed.
    await chatStarted?.close().catch((failure) => logger.warn({ err: failure }, 'could not close the chat'));
    // The engine stops once its launch has ended, however; a launch that failed beside another
    // failure is logged (the error thrown below is the other one).
    await launching?.catch((failure: unknown) => {
      if (failure !== error) logger.warn({ err: failure }, 'the engine did not launch either');
    });
    await engine?.shutdown().catch((failure) => logger.warn({ err: failure }, 'could not stop the engine'));
    await started?.close();
    await database.close();
    throw error;
  }
}

export type App = Awaited<ReturnType<typeof createApp>>;

/**
 * Better Auth is built on its first use (a session cookie's request, sign-in, OAuth): first thing
 * once the server listens, so that request finds it built, or waits only for the rest of the build.
 */
function signInWarmUp(identity: IdentityServices, logger: Logger): WarmUp {
  return {
    name: 'sign-in (Better Auth)',
    wanted: async () => true,
    // Not the warm-ups' warning: until it starts, sign-in answers AUTH_UNAVAILABLE and /readyz 503.
    run: () =>
      identity.auth.get().catch((error: unknown) => {
        logger.error({ err: error }, 'sign-in could not start; it is tried again on use');
      }),
  };
}

/**
 * A hosted model's provider package is imported when the model is first built (see
 * languageModelFor): the default one is built once the server listens, so the first chat does
 * not wait for it. A model that cannot be built (no API key) says why on first use, not here.
 */
function defaultModelWarmUp(models: ModelRegistry): WarmUp {
  return {
    name: 'default model',
    wanted: async () => true,
    run: () => models.resolve().catch(() => undefined),
  };
}

/**
 * The built-in assistant's libraries load on its first use (about half a second, which every CLI
 * command would otherwise pay); a server that offers the assistant loads them once it listens, and
 * calls each once, so the first reply after a start is as quick as the rest.
 */
function assistantLibrariesWarmUp(models: ModelRegistry): WarmUp {
  return {
    name: 'assistant libraries',
    wanted: async () => (await models.allowed()).models.some((model) => model.provider === 'offline'),
    run: async () => {
      const { nlp, chrono } = await loadLibraries();
      // Each builds its tables on its first call (compromise its lexicon, chrono its parsers): once here.
      nlp('Add a task to buy milk tomorrow at 5').terms().json();
      chrono.parse('next Friday at 5pm', new Date());
    },
  };
}
