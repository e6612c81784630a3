import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ListToolsRequestSchema,
  type LoggingLevel,
  McpError,
  SetLevelRequestSchema,
  type Tool as McpTool,
} from '@modelcontextprotocol/sdk/types.js';
import type { UserActor } from '../actor.js';
import { describeTool } from '../tools/describe-tool.js';
import type { ToolRunner } from '../tools/tool-runner.js';
import type { ActorTool, ActorToolSource } from '../tools/actor-tools.js';
import type { Logger } from '../logger.js';
import { hidden, requestIdOf } from './hidden-error.js';
import { callToolFailure, toCallToolResult } from './tool-result.js';
import { version } from '../version.js';
import { paginate } from './paginate.js';
import { registerPromptHandlers } from './prompt-handlers.js';
import type { PromptService } from '../modules/prompts/index.js';
import type { AnyBusEvent } from '../bus/events.js';
import type { ResourceCatalog } from '../tools/resource-catalog.js';
import { refuseUnstorableTextInRequests } from './refuse-unstorable-text.js';
import { registerResourceHandlers } from './resource-handlers.js';
import { ValidatingServer } from './validating-server.js';
import type { McpFixtures } from './fixtures/fixture-types.js';
import { layerFixtures } from './fixtures/layer-fixtures.js';

/** What an MCP server is built from: the services behind its tools, resources and prompts. */
export interface McpServices {
  tools: ToolRunner;
  prompts: PromptService;
  resources: ResourceCatalog[];
  /**
   * Tools that exist for some users only (their published workflows, `workflow__<name>`), listed
   * after the runner's and called when no runner tool has the name.
   */
  actorTools?: ActorToolSource;
  /** The conformance suite's tools and prompts (MCP_FIXTURES=true only), answered before these. */
  fixtures?: McpFixtures;
}

/** One user's MCP server, and the hook that tells its client what an event changed. */
export interface McpSession {
  server: Server;
  /** Sends the list_changed and resources/updated notifications this event means for this user. */
  onEvent(event: AnyBusEvent): void;
}

/** MCP log levels, least severe first. */
const severity: LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];

const instructions =
  'Switchboard gives you this user’s own tools and data: a todo list (add_task, list_tasks, search_tasks, complete_task, update_task, delete_task, delete_tasks), their documents (search_documents, read_document, create_note; also as resources switchboard://resources/{id}), tasks as resources switchboard://tasks/{id}, text tools, and their prompt library as prompts. Everything acts as the signed-in user.';

/**
 * An MCP server for one user's session: their tools, with MCP's error rules (an unknown tool or
 * bad arguments is a protocol error, -32602; a tool's own failure is an isError result with its
 * error_code). Knows nothing of HTTP: any transport connects to it.
 */
export function buildMcpServer({
  tools,
  prompts,
  resources,
  fixtures,
  actorTools,
  actor,
  logger,
}: McpServices & { actor: UserActor; logger: Logger }): McpSession {
  const server = new ValidatingServer(
    { name: 'switchboard', title: 'Switchboard', version },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        completions: {},
        logging: {},
      },
      instructions,
    },
  );
  refuseUnstorableTextInRequests(server); // before the handlers below: it wraps each one
  if (fixtures) layerFixtures(server, fixtures); // likewise
  registerPromptHandlers(server, { prompts, actor, logger });
  const notifyResourceChanges = registerResourceHandlers(server, { catalogs: resources, actor, logger });

  server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
    const { ref, argument } = request.params;
    try {
      const values =
        ref.type === 'ref/prompt'
          ? await prompts.suggest(actor, ref.name, argument.name, argument.value)
          : await completeResourceVariable(resources, actor, ref.uri, argument.name, argument.value);
      const shown = values.slice(0, 100);
      return { completion: { values: shown, total: values.length, hasMore: values.length > shown.length } };
    } catch (error) {
      throw hidden(error, logger, extra);
    }
  });

  const ownTools = async () => (actorTools ? await actorTools.toolsFor(actor) : []);

  let minimumLevel: LoggingLevel = 'info';
  server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    minimumLevel = request.params.level;
    return {};
  });

  server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    // MCP has no field for a tool's group, so it travels in _meta (REST lists it as `toolset`).
    const listed: McpTool[] = tools.list().map((tool) => {
      const { toolset, ...description } = describeTool(tool);
      return { ...description, _meta: { 'switchboard/toolset': toolset } };
    });
    try {
      for (const tool of await ownTools()) listed.push(describeActorTool(tool));
    } catch (error) {
      throw hidden(error, logger, extra);
    }
    const { items, nextCursor } = paginate(listed, request.params?.cursor);
    return { tools: items, ...(nextCursor ? { nextCursor } : {}) };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const progressToken = request.params._meta?.progressToken;
    async function progress(done: number, total?: number, message?: string) {
      if (progressToken === undefined) return;
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken, progress: done, total, message },
      });
    }
    try {
      const own = tools.has(request.params.name)
        ? undefined
        : (await ownTools()).find((tool) => tool.name === request.params.name);
      if (own)
        return toCallToolResult(await own.call(request.params.arguments ?? {}, extra.signal, { progress }));
      const result = await tools.call(actor, request.params.name, request.params.arguments, {
        signal: extra.signal,
        requestId: requestIdOf(extra),
        progress,
        async log(level, message) {
          if (severity.indexOf(level) < severity.indexOf(minimumLevel)) return;
          // On the request's own stream, so the messages travel with the call they belong to.
          await extra.sendNotification({
            method: 'notifications/message',
            params: { level, logger: request.params.name, data: message },
          });
        },
      });
      return toCallToolResult(result);
    } catch (error) {
      const answer = callToolFailure(error, { logger, extra });
      if (answer instanceof McpError) throw answer;
      return answer;
    }
  });

  return {
    server,
    onEvent(event) {
      if (!concernsSessions(event)) return;
      // A change to a prompt this user can see: their client should list prompts again.
      if (
        event.type === 'prompt.created' ||
        event.type === 'prompt.updated' ||
        event.type === 'prompt.deleted'
      ) {
        const { owner_id: ownerId, shared } = event.data;
        if (shared || ownerId === actor.userId) void server.sendPromptListChanged().catch(() => {});
      }
      if (actorTools?.changesToolsOf?.(event, actor)) void server.sendToolListChanged().catch(() => {});
      notifyResourceChanges(event);
    },
  };
}

/**
 * Whether an event can change what a session lists (its tools, prompts or resources: `onEvent`
 * below). A tool call's announcement cannot, and every call makes one: the HTTP endpoint does not
 * hand it to each open session (with 32 sessions, about 10 µs a call). An event a session should
 * hear of must pass here.
 */
export function concernsSessions(event: AnyBusEvent): boolean {
  return event.type !== 'tool.called';
}

async function completeResourceVariable(
  catalogs: ResourceCatalog[],
  actor: UserActor,
  uriTemplate: string,
  variable: string,
  value: string,
): Promise<string[]> {
  const catalog = catalogs.find((candidate) =>
    candidate.templates.some((template) => template.uriTemplate === uriTemplate),
  );
  return (await catalog?.complete?.(actor, uriTemplate, variable, value)) ?? [];
}

/** A per-user tool as tools/list shows it (its schema is JSON Schema already). */
function describeActorTool(tool: ActorTool) {
  const title = tool.title ?? tool.name;
  return {
    name: tool.name,
    title,
    description: tool.description,
    inputSchema: { type: 'object' as const, ...tool.inputSchema },
    annotations: { title, readOnlyHint: false, destructiveHint: tool.destructive, openWorldHint: false },
    _meta: { 'switchboard/toolset': 'Your tools' },
  };
}
