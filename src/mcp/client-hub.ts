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
import { callExternalTool, describeRemoteTool, type ExternalTool } from './external/external-tool.js';
import {
  type ConnectionTimings,
  createServerConnection,
  type RemoteTool,
  type ServerConnection,
} from './external/server-connection.js';

export type { ExternalTool };

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
const enabledTtlMs = 30_000;

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

  /** Each user's enabled servers, read once per 30 s or until one of them changes (a chat asks every turn). */
  const enabledCache = new Map<string, { value: Promise<McpServerConfig[]>; until: number }>();
  const enabledFor = (actor: UserActor): Promise<McpServerConfig[]> => {
    const now = clock.now().getTime();
    const cached = enabledCache.get(actor.userId);
    if (cached && cached.until > now) return cached.value;
    const value = servers.enabledFor(actor);
    enabledCache.set(actor.userId, { value, until: now + enabledTtlMs });
    value.catch(() => enabledCache.delete(actor.userId));
    return value;
  };

  const stopListening = bus.subscribe('*', (event) => {
    if (event.type.startsWith('mcp_server.'))
      enabledCache.delete((event.data as { owner_id: string }).owner_id);
    if (event.type === 'mcp_server.updated' || event.type === 'mcp_server.deleted')
      forget((config) => config.id === event.data.server_id);
    // A role change may take away the right to run stdio servers.
    if (event.type === 'user.updated') {
      enabledCache.delete(event.data.user_id);
      forget((config) => config.ownerId === event.data.user_id);
    }
  });

  /** Why the actor's server may not run now, if it may not: a stdio server runs only for an admin. */
  const refusal = (actor: UserActor, config: McpServerConfig) =>
    config.transport === 'stdio' && actor.role !== 'admin'
      ? 'Only an admin’s stdio servers run; its owner is not an admin'
      : undefined;

  const toExternal = (actor: UserActor, server: McpServerConfig, tool: RemoteTool): ExternalTool => {
    const described = describeRemoteTool(server, tool);
    return {
      ...described,
      call: (args, signal) =>
        callExternalTool({
          actor,
          server,
          tool: { remoteName: tool.name, name: described.name },
          args,
          signal,
          connection: connections.get(server.id),
          refusal: refusal(actor, server),
          audit,
          bus,
          clock,
          callTimeoutMs: settings.callTimeoutMs,
        }),
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
          const { name, title, description, inputSchema, destructive } = describeRemoteTool(config, tool);
          return {
            name,
            tool_name: tool.name,
            title: title ?? null,
            description,
            input_schema: inputSchema,
            destructive,
          };
        }),
        status: refused ? { ...unknownStatus, state: 'error', message: refused } : hub.status(config.id),
      };
    },

    /** Every tool of the actor's enabled servers, namespaced. Never throws because of a server. */
    async toolsFor(actor: UserActor): Promise<ExternalTool[]> {
      if (servers.available && !(await servers.available())) return [];
      const configs = await enabledFor(actor);
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
