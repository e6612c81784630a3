import { z } from 'zod';
import { templateExpressions } from '../../expressions.js';

const holdsExpression = (value: unknown) => templateExpressions(value).length > 0;

/**
 * Checks the parts of a step's input that are known before the run (no `{{ }}` in them) against
 * the tool's input schema: each static value against its property, every required property
 * present, no property the tool does not take. Returns the first problem with its path inside
 * the input, or undefined.
 */
export function staticInputProblem(
  schema: z.ZodType,
  input: Record<string, unknown>,
): { path: PropertyKey[]; message: string } | undefined {
  if (!(schema instanceof z.ZodObject)) {
    if (holdsExpression(input)) return undefined;
    return firstIssue(schema.safeParse(input));
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(input)) {
    const property = shape[key];
    if (!property) {
      if (schema.def.catchall && !(schema.def.catchall instanceof z.ZodNever)) continue;
      const known = Object.keys(shape);
      return {
        path: [key],
        message: `is not an input of this tool${known.length > 0 ? ` (it takes ${known.join(', ')})` : ''}`,
      };
    }
    if (holdsExpression(value)) continue;
    const problem = firstIssue(property.safeParse(value));
    if (problem) return { path: [key, ...problem.path], message: problem.message };
  }
  for (const [key, property] of Object.entries(shape)) {
    if (key in input) continue;
    if (!property.safeParse(undefined).success) return { path: [key], message: 'is required by this tool' };
  }
  return undefined;
}

function firstIssue(
  result: z.ZodSafeParseResult<unknown>,
): { path: PropertyKey[]; message: string } | undefined {
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return { path: issue?.path ?? [], message: issue?.message ?? 'is not valid' };
}
