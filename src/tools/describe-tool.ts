import { z } from 'zod';
import type { Tool } from './tool.js';

/** A tool as listed to clients: JSON Schemas generated from its zod schemas. */
export function describeTool(tool: Tool) {
  return {
    name: tool.name,
    title: tool.title,
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
