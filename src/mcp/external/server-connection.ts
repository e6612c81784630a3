import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool as RemoteTool } from '@modelcontextprotocol/sdk/types.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import {
  type McpServerConfig,
  type McpServerStatus,
  unknownStatus,
} from '../../modules/mcp-servers/index.js';
import type { FetchPolicy } from '../../net/fetch-url.js';
import { version } from '../../version.js';
import { brokeTheConnection, describeFailure } from './call-result.js';
import { createTransport } from './transport.js';

export type { RemoteTool };

/** How long the hub waits, and how long it trusts what it learned. */
export interface ConnectionTimings {
  /** Connecting (initialize), and listing tools: each may take this long. */
  connectTimeoutMs: number;
  /** One tool call. */
  callTimeoutMs: number;
  /** A tool list is listed again after this long. */
  toolCacheMs: number;
  /** After the nth failure in a row, no new attempt for min(first × 2^(n-1), longest). */
  backoff: { firstMs: number; longestMs: number };
}

/** The most pages of tools read from one server (a server that pages forever is cut off). */
const pagesAtMost = 20;

/**
 * One external server's connection: one SDK `Client`, opened on first use, its tool list cached
 * for a short while, and after a failure left closed for a growing while (any use in between
 * answers at once with the last error). `status` always says where it stands.
 */
export function createServerConnection({
  config,
  fetchPolicy,
  clock,
  logger,
  timings,
}: {
  config: McpServerConfig;
  fetchPolicy: FetchPolicy;
  clock: Clock;
  logger: Logger;
  timings: ConnectionTimings;
}) {
  let client: Client | undefined;
  let cached: { tools: RemoteTool[]; at: number } | undefined;
  let loading: Promise<RemoteTool[]> | undefined;
  let status: McpServerStatus = unknownStatus;
  let failures = 0;
  let retryAt = 0;
  let closed = false;
  const now = () => clock.now().getTime();

  async function open(): Promise<Client> {
    const opened = new Client(
      { name: 'switchboard', version },
      {
        listChanged: {
          tools: { autoRefresh: false, debounceMs: 100, onChanged: () => (cached = undefined) },
        },
      },
    );
    // The connection ended without us closing it (a stdio server exited): a failure like any other.
    opened.onclose = () => {
      if (client === opened) void failed(new Error('The connection closed'));
    };
    try {
      await opened.connect(createTransport(config, { fetchPolicy, logger }), {
        timeout: timings.connectTimeoutMs,
      });
    } catch (error) {
      await opened.close().catch(() => {});
      throw error;
    }
    if (closed) {
      await opened.close();
      throw new Error('The server was changed or removed');
    }
    return opened;
  }

  async function listAll(from: Client): Promise<RemoteTool[]> {
    const tools: RemoteTool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < pagesAtMost; page++) {
      const result = await from.listTools(cursor ? { cursor } : undefined, {
        timeout: timings.connectTimeoutMs,
      });
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools;
  }

  /** Notes a failure: the client is closed, the status says why, the next attempt waits. */
  async function failed(error: unknown) {
    failures++;
    retryAt = now() + Math.min(timings.backoff.firstMs * 2 ** (failures - 1), timings.backoff.longestMs);
    const message = describeFailure(error, timings.connectTimeoutMs);
    if (status.state !== 'error') logger.warn({ mcpServer: config.id, reason: message }, 'MCP server failed');
    status = { state: 'error', message, code: null, tool_count: null, checked_at: clock.now().toISOString() };
    cached = undefined;
    const broken = client;
    client = undefined;
    await broken?.close().catch(() => {});
  }

  async function load(): Promise<RemoteTool[]> {
    status = { ...status, state: 'connecting' };
    try {
      client ??= await open();
      const tools = await listAll(client);
      cached = { tools, at: now() };
      failures = 0;
      status = {
        state: 'connected',
        message: null,
        code: null,
        tool_count: tools.length,
        checked_at: clock.now().toISOString(),
      };
      return tools;
    } catch (error) {
      await failed(error);
      return [];
    }
  }

  return {
    config,

    get status(): McpServerStatus {
      return status;
    },

    /** The server's tools: cached, listed again, or none while it is failing (never throws). */
    async tools({ refresh = false } = {}): Promise<RemoteTool[]> {
      if (refresh) {
        await loading;
        const old = client;
        client = undefined;
        cached = undefined;
        retryAt = 0;
        await old?.close().catch(() => {});
      }
      if (cached && now() - cached.at < timings.toolCacheMs) return cached.tools;
      if (now() < retryAt) return [];
      loading ??= load().finally(() => (loading = undefined));
      return loading;
    },

    /** Calls a tool; throws when the server cannot be reached or answers with a protocol error. */
    async call(name: string, args: Record<string, unknown>, signal: AbortSignal): Promise<CallToolResult> {
      if (!client) {
        await this.tools();
        if (!client) throw new Error(status.message ?? 'The server is not connected');
      }
      const current = client;
      try {
        return (await current.callTool({ name, arguments: args }, undefined, {
          signal,
          timeout: timings.callTimeoutMs,
        })) as CallToolResult;
      } catch (error) {
        if (!signal.aborted && brokeTheConnection(error) && client === current) await failed(error);
        throw error;
      }
    },

    /** Closes the client (and ends a stdio server's process). */
    async close() {
      closed = true;
      const old = client;
      client = undefined;
      await old?.close().catch(() => {});
    },
  };
}

export type ServerConnection = ReturnType<typeof createServerConnection>;
