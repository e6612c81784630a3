import type { UserActor } from '../actor.js';
import type { ToolCallResult } from './tool-runner.js';

/** What a per-user tool's call may use besides its arguments: cancellation and progress to the caller. */
export interface ActorToolCallContext {
  /** Reports progress on long work (MCP progress notifications; absent where the caller did not ask). */
  progress?(done: number, total?: number, message?: string): Promise<void>;
}

/**
 * A tool that exists for some users only, outside the tool runner's fixed list: a tool of one of
 * the user's own MCP servers (`<server>__<tool>`), or one of their published workflows
 * (`workflow__<name>`). Described by JSON Schema, since it is not one of our zod-declared tools.
 */
export interface ActorTool {
  /** Unique among the user's tools. */
  name: string;
  title?: string;
  description: string;
  /** JSON Schema of the arguments. */
  inputSchema: Record<string, unknown>;
  /** True unless the tool is known to only read or do no harm: the user may be asked first. */
  destructive: boolean;
  /** Calls the tool as the user; a failure is an `isError` result, never a throw. */
  call(args: unknown, signal: AbortSignal, context?: ActorToolCallContext): Promise<ToolCallResult>;
}

/**
 * Where a surface (the chat, the MCP server) finds a user's own tools. The MCP client hub is one
 * (the user's MCP servers), the workflows' triggers another (published workflows); app.ts wires them.
 */
export interface ActorToolSource {
  /** The actor's tools; a part that fails costs its own tools only. */
  toolsFor(actor: UserActor): Promise<ActorTool[]>;
  /** True when `event` changes the actor's list (the MCP server then sends tools/list_changed). */
  changesToolsOf?(event: { type: string; data: unknown }, actor: UserActor): boolean;
}

/** Several sources as one: their tools in order (an earlier source's name stands over a later one's). */
export function combineToolSources(...sources: ActorToolSource[]): ActorToolSource {
  return {
    async toolsFor(actor) {
      const lists = await Promise.all(sources.map((source) => source.toolsFor(actor)));
      const seen = new Set<string>();
      return lists.flat().filter((tool) => !seen.has(tool.name) && seen.add(tool.name));
    },
    changesToolsOf: (event, actor) =>
      sources.some((source) => source.changesToolsOf?.(event, actor) ?? false),
  };
}
