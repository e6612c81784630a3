import type { UserActor } from '../actor.js';
import type { EventBus } from '../bus/event-bus.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditService } from '../modules/identity/index.js';
import {
  type McpServerConfig,
  type McpServerConnections,
  type McpServerDirectory,
  type McpServerTools,
  unknownStatus,
} from '../modules/mcp-servers/index.js';
import type { FetchPolicy } from '../net/fetch-url.js';
import { errorResult, type ToolCallResult } from '../tools/tool-runner.js';
import { describeFailure, mcpServerErrorCode, toToolCallResult } from './external/call-result.js';
import {
  type ConnectionTimings,
  createServerConnection,
  type RemoteTool,
  type ServerConnection,
} from './external/server-connection.js';

/** An external server's tool, as the user's assistant sees it. */
export interface ExternalTool {
  /** `<server name>__<tool name>`. */
  name: string;
  title?: string;
  description: string;
  /** JSON Schema of the arguments, as the server declared it. */
  inputSchema: Record<string, unknown>;
  /** The server's destructiveHint, with MCP's defaults (true unless read-only or said otherwise). */
  destructive: boolean;
  serverId: string;
  /** Calls the tool as the user; a failure is an `isError` result with MCP_SERVER_ERROR, never a throw. */
  call(args: unknown, signal: AbortSignal): Promise<ToolCallResult>;
}

export const defaultTimings: ConnectionTimings = {
  connectTimeoutMs: 5_000,
  callTimeoutMs: 60_000,
  toolCacheMs: 30_000,
  backoff: { firstMs: 1_000, longestMs: 60_000 },
};

/**
 * The client side of MCP: one connection per user server (opened on first use, reopened after a
 * failure with backoff, closed when the server is changed, disabled or deleted — on any instance —
 * and on close), and each user's servers' tools for their assistant. One server that is down or
 * slow costs its own tools only.
 */
export function createMcpClientHub({
  servers,
  audit,
  bus,
  clock,
  logger,
  fetchPolicy,
  timings = {},
}: {
  servers: McpServerDirectory;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  fetchPolicy: FetchPolicy;
  timings?: Partial<ConnectionTimings>;
}) {
  const settings = { ...defaultTimings, ...timings };
  const connections = new Map<string, ServerConnection>();

  /** The connection for this server, opened anew when the server changed since. */
  function connectionFor(config: McpServerConfig): ServerConnection {
    const existing = connections.get(config.id);
    if (existing && existing.config.updatedAt >= config.updatedAt) return existing;
    void existing?.close();
    const created = createServerConnection({ config, fetchPolicy, clock, logger, timings: settings });
    connections.set(config.id, created);
    return created;
  }

  function forget(matches: (config: McpServerConfig) => boolean) {
    for (const [id, connection] of connections) {
      if (!matches(connection.config)) continue;
      connections.delete(id);
      void connection.close();
    }
  }

  const stopListening = bus.subscribe('*', (event) => {
    if (event.type === 'mcp_server.updated' || event.type === 'mcp_server.deleted')
      forget((config) => config.id === event.data.serverId);
    // A role change may take away the right to run stdio servers.
    if (event.type === 'user.updated') forget((config) => config.ownerId === event.data.userId);
  });

  /** Why the actor's server may not run now, if it may not: a stdio server runs only for an admin. */
  const refusal = (actor: UserActor, config: McpServerConfig) =>
    config.transport === 'stdio' && actor.role !== 'admin'
      ? 'Only an admin’s stdio servers run; its owner is not an admin'
      : undefined;

  async function call(
    actor: UserActor,
    config: McpServerConfig,
    tool: { remote: string; name: string },
    args: unknown,
    signal: AbortSignal,
  ): Promise<ToolCallResult> {
    const started = clock.now().getTime();
    const finish = (result: ToolCallResult) => {
      const durationMs = clock.now().getTime() - started;
      const status = result.isError ? 'failure' : 'success';
      const reason = result.isError ? String(result.structuredContent.error_code) : undefined;
      audit.recordSoon(actor, { action: 'tool.call', status, subject: tool.name, reason, durationMs });
      bus.publishSoon(actor, 'tool.called', { tool: tool.name, status, durationMs, surface: actor.via });
      return result;
    };
    if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args)))
      return finish(
        errorResult({ code: 'INVALID_INPUT', message: 'arguments: must be an object', field: 'arguments' }),
      );
    const refused = refusal(actor, config);
    if (refused) return finish(errorResult({ code: mcpServerErrorCode, message: refused }));
    const connection = connections.get(config.id);
    if (!connection) {
      const message = `"${config.name}" was changed or removed since its tools were listed`;
      return finish(errorResult({ code: mcpServerErrorCode, message }));
    }
    try {
      const result = await connection.call(tool.remote, (args ?? {}) as Record<string, unknown>, signal);
      return finish(toToolCallResult(result, config.name));
    } catch (error) {
      const why = signal.aborted ? 'The call was cancelled' : describeFailure(error, settings.callTimeoutMs);
      return finish(errorResult({ code: mcpServerErrorCode, message: `"${config.name}": ${why}` }));
    }
  }

  const toExternal = (actor: UserActor, config: McpServerConfig, tool: RemoteTool): ExternalTool => {
    const name = `${config.name}__${tool.name}`;
    const title = tool.title ?? tool.annotations?.title;
    return {
      name,
      ...(title ? { title } : {}),
      description: tool.description ?? '',
      inputSchema: tool.inputSchema,
      destructive: tool.annotations?.readOnlyHint !== true && tool.annotations?.destructiveHint !== false,
      serverId: config.id,
      call: (args, signal) => call(actor, config, { remote: tool.name, name }, args, signal),
    };
  };

  /** The server's tools for its owner: none, with the reason in the status, when it may not run. */
  async function listFor(actor: UserActor, config: McpServerConfig, refresh: boolean): Promise<RemoteTool[]> {
    if (refusal(actor, config)) return [];
    return connectionFor(config).tools({ refresh });
  }

  const hub = {
    status: (serverId: string) => connections.get(serverId)?.status ?? unknownStatus,

    async tools(
      actor: UserActor,
      config: McpServerConfig,
      { refresh }: { refresh: boolean },
    ): Promise<McpServerTools> {
      const refused = refusal(actor, config);
      const tools = await listFor(actor, config, refresh);
      return {
        items: tools.map((tool) => {
          const external = toExternal(actor, config, tool);
          return {
            name: external.name,
            tool_name: tool.name,
            title: external.title ?? null,
            description: external.description,
            input_schema: external.inputSchema,
            destructive: external.destructive,
          };
        }),
        status: refused ? { ...unknownStatus, state: 'error', message: refused } : hub.status(config.id),
      };
    },

    /** Every tool of the actor's enabled servers, namespaced. Never throws because of a server. */
    async toolsFor(actor: UserActor): Promise<ExternalTool[]> {
      const configs = await servers.enabledFor(actor);
      const lists = await Promise.all(
        configs.map(async (config) => {
          try {
            return (await listFor(actor, config, false)).map((tool) => toExternal(actor, config, tool));
          } catch (error) {
            logger.error({ err: error, mcpServer: config.id }, 'could not list an MCP server’s tools');
            return [];
          }
        }),
      );
      return lists.flat();
    },

    /** Closes every connection (stdio servers' processes end). */
    async close() {
      stopListening();
      const open = [...connections.values()];
      connections.clear();
      await Promise.all(open.map((connection) => connection.close()));
    },
  } satisfies McpServerConnections & Record<string, unknown>;
  return hub;
}

export type McpClientHub = ReturnType<typeof createMcpClientHub>;
