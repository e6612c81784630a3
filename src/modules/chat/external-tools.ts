import type { UserActor } from '../../actor.js';
import type { ToolCallResult } from '../../tools/tool-runner.js';

/** A tool of one of the user's own MCP servers, as the assistant offers it. */
export interface ExternalTool {
  /** Unique among the user's tools (the hub names them `<server>__<tool>`). */
  name: string;
  title?: string;
  description: string;
  /** JSON Schema of the arguments, as the server declared it. */
  inputSchema: Record<string, unknown>;
  /** True unless the server says the tool only reads or does no harm: the user may be asked first. */
  destructive: boolean;
  /** Calls the tool as the user; a failure is an `isError` result, never a throw. */
  call(args: unknown, signal: AbortSignal): Promise<ToolCallResult>;
}

/**
 * Where the assistant finds the tools of the user's own MCP servers. The client hub
 * (src/mcp/client-hub.ts) is one; app.ts wires it in, so chat never imports src/mcp.
 */
export interface ExternalToolSource {
  /** The actor's enabled servers' tools; a server that is down costs its own tools only. */
  toolsFor(actor: UserActor): Promise<ExternalTool[]>;
}
