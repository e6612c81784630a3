import type { JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { unsafeSchemaPattern } from '../safe-pattern.js';

/**
 * A checker for a user's JSON Schema (a run's input_schema, an approval's fields), compiled by Ajv 8
 * through the MCP SDK (the validator tool arguments already use). Each schema gets its own Ajv:
 * one shared instance would keep every schema ever compiled, and refuse (or, worse, reuse) a second
 * schema with the same `$id` from another user. Checkers are kept by schema text, a bounded number.
 */
const compiled = new Map<string, JsonSchemaValidator<unknown>>();
const cacheLimit = 500;

/**
 * Throws Ajv's error when the schema does not compile, and refuses a `pattern` that could backtrack
 * without bound (a definition saved before that check still cannot hold the event loop).
 */
export function validatorFor(schema: Record<string, unknown>): JsonSchemaValidator<unknown> {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) return hit;
  const unsafe = unsafeSchemaPattern(schema);
  if (unsafe) throw new Error(`${unsafe.path.join('.')}: ${unsafe.message}`);
  const check = new AjvJsonSchemaValidator().getValidator<unknown>(schema as JsonSchemaType);
  if (compiled.size >= cacheLimit) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, check);
  return check;
}
