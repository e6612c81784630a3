import type { Surface, UserActor } from '../actor.js';
import type { EventBus } from '../bus/event-bus.js';
import type { Clock } from '../clock.js';
import { DomainError, InvalidInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type PublicError, publicError } from '../public-error.js';
import { findUnstorableText, unstorableTextError } from '../storable-text.js';
import type { AuditService } from '../modules/identity/index.js';
import { actorFacts, addFacts, inSpan } from '../telemetry/spans.js';
import { ToolNotFoundError } from './errors.js';
import type { Tool, ToolContext } from './tool.js';

declare module '../bus/events.js' {
  interface EventMap {
    'tool.called': {
      tool: string;
      status: 'success' | 'failure' | 'error';
      duration_ms: number;
      surface: Surface;
    };
  }
}

/** A tool call's answer, the same on every surface (MCP's CallToolResult shape). */
export type ToolCallResult = {
  content: { type: 'text'; text: string }[];
  structuredContent: Record<string, unknown>;
  isError: boolean;
};

const quietContext: Omit<ToolContext, 'signal'> = { progress: async () => {}, log: async () => {} };

/**
 * Looks tools up and calls them for an actor: validates the arguments (bad ones, and text Postgres
 * cannot store, throw INVALID_INPUT naming the field; an unknown tool throws TOOL_NOT_FOUND), runs
 * the tool, turns a domain error into an `isError` result with its code, hides any other failure
 * behind its reference (the request id, where the call came with one), and audits and announces
 * every call.
 */
export function createToolRunner({
  tools,
  audit,
  bus,
  clock,
  logger,
}: {
  tools: Tool[];
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}) {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));

  return {
    list: (): Tool[] => [...byName.values()],

    has: (name: string): boolean => byName.has(name),

    get(name: string): Tool {
      const tool = byName.get(name);
      if (!tool) throw new ToolNotFoundError(name);
      return tool;
    },

    // Not async (the span's work is): an async wrapper around a returned promise is two more
    // promises a call, each costing the engine's promise hook on Node 20.
    call(
      actor: UserActor,
      name: string,
      args: unknown,
      context: Partial<ToolContext> = {},
    ): Promise<ToolCallResult> {
      const tool = byName.get(name);
      if (!tool) return Promise.reject(new ToolNotFoundError(name));
      // The span names the tool and the caller, never the arguments or the result.
      return inSpan('tool.call', { ...actorFacts(actor), tool: name }, async (span) => {
        const started = clock.now().getTime();
        /** Every call is audited and announced, in batches (a row per call would cost more than most tools). */
        const finish = (status: 'success' | 'failure' | 'error', reason?: string) => {
          addFacts(span, { status });
          const durationMs = clock.now().getTime() - started;
          audit.recordSoon(actor, { action: 'tool.call', status, subject: name, reason, durationMs });
          bus.publishSoon(actor, 'tool.called', {
            tool: name,
            status,
            duration_ms: durationMs,
            surface: actor.via,
          });
        };

        const parsed = tool.input.safeParse(args ?? {});
        if (!parsed.success) {
          const [issue] = parsed.error.issues;
          const field = issue?.path.join('.') || undefined;
          finish('failure', 'INVALID_INPUT');
          throw new InvalidInputError(`${field ?? 'arguments'}: ${issue?.message ?? 'is not valid'}`, {
            field,
          });
        }
        const nulAt = findUnstorableText(parsed.data);
        if (nulAt) {
          finish('failure', 'INVALID_INPUT');
          throw unstorableTextError(nulAt);
        }
        try {
          const output = tool.output.parse(
            await tool.run(actor, parsed.data, {
              ...quietContext,
              ...context,
              // A signal that never aborts only where the caller gave none (MCP always gives one).
              signal: context.signal ?? new AbortController().signal,
            }),
          ) as Record<string, unknown>;
          finish('success');
          return {
            content: [{ type: 'text', text: tool.summarize(output) }],
            structuredContent: output,
            isError: false,
          };
        } catch (error) {
          const failure = publicError(error, {
            logger,
            requestId: context.requestId,
            what: 'The tool failed',
            details: { tool: name },
          });
          finish(error instanceof DomainError ? 'failure' : 'error', failure.code);
          return errorResult(failure, error instanceof DomainError ? error.details : undefined);
        }
      });
    },
  };
}

/**
 * A tool failure as a result: `isError`, with the code, the message, the field at fault and the
 * error's details beside them as in REST's error body (CONTEXT_CONFLICT's `current`). The details
 * are in the text too, as JSON on a second line: a model reads only the text.
 */
export function errorResult(
  { code, message, field }: PublicError,
  details?: Record<string, unknown>,
): ToolCallResult {
  const structuredContent = { ...details, error_code: code, message, ...(field ? { field } : {}) };
  const text = `${code}: ${message}${details ? `\n${JSON.stringify(details)}` : ''}`;
  return { content: [{ type: 'text', text }], structuredContent, isError: true };
}

export type ToolRunner = ReturnType<typeof createToolRunner>;
