import { dynamicTool, jsonSchema, type ToolSet } from 'ai';
import type { UserActor } from '../../actor.js';
import { DomainError } from '../../errors.js';
import { describeTool } from '../../tools/describe-tool.js';
import type { ToolCallResult, ToolRunner } from '../../tools/tool-runner.js';

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
 * as MCP and REST. A failed call throws, so the stream shows a tool error with the code. Tools
 * named in `needsApproval` wait for the user's yes before they run.
 */
export function assistantTools({
  runner,
  actor,
  needsApproval = () => false,
}: {
  runner: ToolRunner;
  actor: UserActor;
  needsApproval?: (toolName: string) => boolean;
}): ToolSet {
  const tools: ToolSet = {};
  for (const tool of runner.list()) {
    tools[tool.name] = dynamicTool({
      description: tool.description,
      inputSchema: jsonSchema(describeTool(tool).inputSchema),
      needsApproval: needsApproval(tool.name),
      execute: async (input, { abortSignal }) => {
        try {
          return outputOf(
            await runner.call(actor, tool.name, input, abortSignal ? { signal: abortSignal } : {}),
          );
        } catch (error) {
          if (error instanceof DomainError) throw new ToolCallFailedError(error.code, error.message);
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
