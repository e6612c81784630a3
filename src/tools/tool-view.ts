import { describeTool } from './describe-tool.js';
import type { ToolCallResultView, ToolView } from './schema.js';
import type { Tool } from './tool.js';
import type { ToolCallResult } from './tool-runner.js';

/** A tool as REST clients see it: its MCP description in snake_case. */
export function toToolView(tool: Tool): ToolView {
  const { inputSchema, outputSchema, annotations, ...rest } = describeTool(tool);
  return {
    ...rest,
    input_schema: inputSchema,
    output_schema: outputSchema,
    annotations: {
      title: annotations.title,
      read_only_hint: annotations.readOnlyHint,
      destructive_hint: annotations.destructiveHint,
      open_world_hint: annotations.openWorldHint,
    },
  };
}

/** A tool call's answer as REST clients see it. */
export function toToolCallResultView(result: ToolCallResult): ToolCallResultView {
  return { content: result.content, structured_content: result.structuredContent, is_error: result.isError };
}
