import { z } from 'zod';

/** A JSON Schema object, as generated from a tool's zod schema. */
const jsonSchemaObject = z.record(z.string(), z.unknown());

/** A tool as GET /api/v1/tools lists it (MCP's tools/list carries the same facts in MCP's own names). */
export const toolViewSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    toolset: z.string().describe('The group it belongs to ("Tasks", "Text analysis")'),
    description: z.string(),
    input_schema: jsonSchemaObject.describe('JSON Schema of the arguments'),
    output_schema: jsonSchemaObject.describe('JSON Schema of structured_content on success'),
    annotations: z.object({
      title: z.string(),
      read_only_hint: z.boolean().describe('It changes nothing'),
      destructive_hint: z.boolean().describe('It deletes or overwrites; ask before calling'),
      open_world_hint: z.boolean(),
    }),
  })
  .meta({ id: 'Tool' });
export type ToolView = z.infer<typeof toolViewSchema>;

export const toolListSchema = z.object({ items: z.array(toolViewSchema) });
export type ToolList = z.infer<typeof toolListSchema>;

/** What POST /api/v1/tools/{name} answers: the readable text, the structured result, and whether the tool failed. */
export const toolCallResultViewSchema = z
  .object({
    content: z.array(z.object({ type: z.literal('text'), text: z.string() })),
    structured_content: z
      .record(z.string(), z.unknown())
      .describe('The output on success; { error_code, message, field? } on failure'),
    is_error: z.boolean().describe('The tool itself failed (its error_code says why)'),
  })
  .meta({ id: 'ToolCallResult' });
export type ToolCallResultView = z.infer<typeof toolCallResultViewSchema>;
