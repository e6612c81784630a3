import { dynamicTool, jsonSchema, type ToolSet } from 'ai';
import type { UserActor } from '../../actor.js';
import { DomainError } from '../../errors.js';
import { describeTool } from '../../tools/describe-tool.js';
import { errorResult, type ToolCallResult, type ToolRunner } from '../../tools/tool-runner.js';
import { fromDomainError } from '../../public-error.js';
import type { ExternalTool } from './external-tools.js';

/** A tool call the tool itself refused (bad input, not found, …): the model sees `CODE: message`. */
export class ToolCallFailedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * The tool registry as AI SDK tools, acting as the user: the same tools, schemas, audit and events
 * as MCP and REST — and the tools of the user's own MCP servers. A failed call throws, so the
 * stream shows a tool error with the code. Tools `needsApproval` picks wait for the user's yes.
 */
export function assistantTools({
  runner,
  actor,
  external = [],
  needsApproval = () => false,
  consented,
  requestId,
}: {
  runner: ToolRunner;
  actor: UserActor;
  /** Tools of the user's own MCP servers, already namespaced (`server__tool`). */
  external?: ExternalTool[];
  needsApproval?: (tool: { name: string; destructive?: boolean | undefined }) => boolean;
  /** A call of a tool that needs approval that the user consented to already (by its id): not held. */
  consented?: ((toolName: string, toolCallId: string) => boolean) | undefined;
  /** The request the reply was asked for in: a tool's internal failure is reported under its id. */
  requestId?: string | undefined;
}): ToolSet {
  const tools: ToolSet = {};
  const held = (tool: { name: string; destructive?: boolean | undefined }) => {
    if (!needsApproval(tool)) return false;
    if (!consented) return true;
    return (_input: unknown, { toolCallId }: { toolCallId: string }) => !consented(tool.name, toolCallId);
  };
  for (const tool of external) {
    if (tools[tool.name]) continue; // two remote names that read the same: the first one stands
    tools[tool.name] = dynamicTool({
      description: tool.description,
      inputSchema: jsonSchema(tool.inputSchema),
      needsApproval: held(tool),
      execute: async (input, { abortSignal }) =>
        outputOf(await tool.call(input, abortSignal ?? new AbortController().signal)),
    });
  }
  for (const tool of runner.list()) {
    tools[tool.name] = dynamicTool({
      description: tool.description,
      inputSchema: jsonSchema(describeTool(tool).inputSchema),
      needsApproval: held(tool),
      execute: async (input, { abortSignal }) => {
        const context = {
          ...(abortSignal ? { signal: abortSignal } : {}),
          ...(requestId ? { requestId } : {}),
        };
        try {
          return outputOf(await runner.call(actor, tool.name, input, context));
        } catch (error) {
          // Bad arguments and the like read as any tool failure; anything else is the reply's failure.
          if (error instanceof DomainError)
            return outputOf(errorResult(fromDomainError(error), error.details));
          throw error;
        }
      },
    });
  }
  return tools;
}

function outputOf(result: ToolCallResult): Record<string, unknown> {
  if (!result.isError) return result.structuredContent;
  const { error_code: code, message } = result.structuredContent as { error_code: string; message: string };
  throw new ToolCallFailedError(code, message);
}
