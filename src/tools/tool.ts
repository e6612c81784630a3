import type { z } from 'zod';
import type { UserActor } from '../actor.js';

/** What a running tool may use besides its input: cancellation, progress and log messages to the caller. */
export interface ToolContext {
  readonly signal: AbortSignal;
  /** Reports progress on long work (MCP progress notifications; a no-op where the caller did not ask). */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Sends a log message to the caller (MCP logging notifications). */
  log(level: 'debug' | 'info' | 'warning' | 'error', message: string): Promise<void>;
  /** The request the call came with, if any: an internal failure is reported under its id. */
  readonly requestId?: string;
  /**
   * The same on every execution of one act (a workflow step run again after a crash), different for
   * every other act: hand it to whatever takes an idempotency key, so a repeat does not act twice.
   */
  readonly idempotencyKey?: string;
  /**
   * The run the call is made for (a workflow run's tool step, an agent team run): the context
   * tools write to its own space when the call names none.
   */
  readonly runContext?: { readonly kind: 'workflow_run' | 'team_run'; readonly id: string };
}

/**
 * One tool: one function with one input and one output schema, reachable over MCP, REST
 * (`POST /api/v1/tools/{name}`), by the chat assistant and as a workflow step.
 */
export interface Tool<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly title: string;
  /** The group it belongs to, a short human name ("Tasks", "Text analysis"): how the app lists tools. */
  readonly toolset: string;
  /** For models and people: what it does, when to use it, what it returns. */
  readonly description: string;
  readonly input: Input;
  readonly output: Output;
  /** True when the tool only reads (REST then needs api:read instead of api:write). */
  readonly readOnly?: boolean;
  /** True when the tool deletes or overwrites something (clients may ask the user first). */
  readonly destructive?: boolean;
  run(actor: UserActor, input: z.output<Input>, context: ToolContext): Promise<z.input<Output>>;
  /** The short readable text that goes beside the structured result. */
  summarize(output: z.output<Output>): string;
}

/** Declares a tool with its types inferred from its schemas. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  tool: Tool<Input, Output>,
): Tool {
  return tool as unknown as Tool;
}
