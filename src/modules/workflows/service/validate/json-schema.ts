import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { z } from 'zod';
import { unsafeSchemaPattern } from '../../safe-pattern.js';

/**
 * The keywords whose shape the compiler takes on trust (it does not check schemas against the
 * meta-schema): a wrong one is ignored rather than refused, and the author would never learn of it.
 */
const keywordShapes: z.ZodType = z.lazy(() =>
  z
    .object({
      type: z.union([z.string(), z.array(z.string())]).optional(),
      properties: z.record(z.string(), z.union([keywordShapes, z.boolean()])).optional(),
      required: z.array(z.string()).optional(),
      items: z.union([keywordShapes, z.boolean()]).optional(),
      enum: z.array(z.unknown()).min(1).optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(0).optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(0).optional(),
      pattern: z.string().optional(),
      description: z.string().optional(),
    })
    .loose(),
);

/** Why `schema` is not a JSON Schema we can check values against, or undefined when it is. */
export function jsonSchemaProblem(
  schema: Record<string, unknown>,
): { path: PropertyKey[]; message: string } | undefined {
  const shape = keywordShapes.safeParse(schema);
  if (!shape.success) {
    const [issue] = shape.error.issues;
    return { path: issue?.path ?? [], message: issue?.message ?? 'is not valid' };
  }
  const unsafe = unsafeSchemaPattern(schema);
  if (unsafe) return unsafe;
  try {
    // The compiler run inputs are checked with (Ajv, through the MCP SDK): valid here, usable there.
    // A fresh one each time: Ajv keeps every schema it compiled, and one `$id` per instance.
    new AjvJsonSchemaValidator().getValidator(schema as JsonSchemaType);
  } catch (error) {
    return { path: [], message: (error as Error).message.split('\n')[0] ?? 'is not a valid JSON Schema' };
  }
  return undefined;
}

/** A JSON Schema as a zod schema, to check values with; undefined when it cannot be read. */
export function jsonSchemaAsZod(schema: Record<string, unknown>): z.ZodType | undefined {
  try {
    return z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
  } catch {
    return undefined;
  }
}
