import { z } from 'zod';
import type { Tool } from './tool.js';

const described = new WeakMap<Tool, ToolDescription>();

/** A tool as listed to clients: JSON Schemas generated from its zod schemas (once per tool). */
export function describeTool(tool: Tool): ToolDescription {
  let description = described.get(tool);
  if (!description) {
    description = describe(tool);
    described.set(tool, description);
  }
  return description;
}

export type ToolDescription = ReturnType<typeof describe>;

function describe(tool: Tool) {
  return {
    name: tool.name,
    title: tool.title,
    toolset: tool.toolset,
    description: tool.description,
    inputSchema: jsonSchema(tool.input, 'input'),
    outputSchema: jsonSchema(tool.output, 'output'),
    annotations: {
      title: tool.title,
      readOnlyHint: tool.readOnly === true,
      destructiveHint: tool.destructive === true,
      openWorldHint: false,
    },
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { type: 'object' as const, ...rest };
}
