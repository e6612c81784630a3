import type { UserActor } from '../../../actor.js';
import type { McpServerStatus, McpServerTools } from '../schema.js';

/**
 * A server as the client hub connects to it: with its header and environment secrets. For the hub
 * only; never part of an answer.
 */
export interface McpServerConfig {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly transport: 'http' | 'stdio';
  readonly url: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly command: string | null;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Changes with every edit: a connection made from an older config is replaced. */
  readonly updatedAt: Date;
}

/** What the service needs from the client hub (src/mcp/client-hub.ts), which holds the connections. */
export interface McpServerConnections {
  /** What this instance knows of the server's connection, without connecting. */
  status(serverId: string): McpServerStatus;
  /** Connects if needed and lists the server's tools (`refresh`: reconnect and list again now). */
  tools(actor: UserActor, server: McpServerConfig, options: { refresh: boolean }): Promise<McpServerTools>;
}

/** Where the hub reads a user's servers from: the service. */
export interface McpServerDirectory {
  /** The actor's enabled servers, with their secrets. */
  enabledFor(actor: UserActor): Promise<McpServerConfig[]>;
  /** False while an admin has external MCP servers switched off: no server's tools are offered then. */
  available?: () => Promise<boolean>;
}

/** The status of a server nobody has connected to from this instance yet. */
export const unknownStatus: McpServerStatus = {
  state: 'unknown',
  message: null,
  code: null,
  tool_count: null,
  checked_at: null,
};
