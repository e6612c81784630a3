import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { RunInputInvalidError } from '../../errors.js';

/**
 * Run inputs are checked against the workflow's `input_schema` (JSON Schema) with Ajv 8 (formats on),
 * through the MCP SDK's own validator: the same one that checks tool arguments against external
 * servers' schemas, and no new dependency. Compiled validators are kept by schema text.
 */
const validator = new AjvJsonSchemaValidator();
const compiled = new Map<string, JsonSchemaValidator<unknown>>();
const cacheLimit = 500;

export function checkRunInput(schema: Record<string, unknown>, input: Record<string, unknown>): void {
  const key = JSON.stringify(schema);
  let check = compiled.get(key);
  if (!check) {
    try {
      check = validator.getValidator<unknown>(schema as JsonSchemaType);
    } catch (error) {
      throw new RunInputInvalidError(
        `The workflow's input_schema is not a valid JSON Schema: ${(error as Error).message}`,
        '',
      );
    }
    if (compiled.size >= cacheLimit) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, check);
  }
  const result = check(input);
  if (result.valid) return;
  const [first = 'is not valid'] = result.errorMessage.split(', data');
  throw new RunInputInvalidError(`input${first.replace(/^data/, '')}`, fieldOf(first));
}

/** The field an Ajv message names: `data/customer/name must be string` → customer.name; a missing property by its name. */
function fieldOf(message: string): string {
  const path = /^data((?:\/[^\s/]+)*)/.exec(message)?.[1] ?? '';
  const field = path.split('/').filter(Boolean).join('.');
  const missing = /must have required property '([^']+)'/.exec(message)?.[1];
  return missing ? (field ? `${field}.${missing}` : missing) : field;
}
