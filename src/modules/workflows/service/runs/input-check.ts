import { RunInputInvalidError } from '../../errors.js';
import { validatorFor } from '../json-schema-validator.js';

/** Checks a run's input against the workflow's `input_schema` (JSON Schema, Ajv 8 with formats). */
export function checkRunInput(schema: Record<string, unknown>, input: Record<string, unknown>): void {
  let check: ReturnType<typeof validatorFor>;
  try {
    check = validatorFor(schema);
  } catch (error) {
    throw new RunInputInvalidError(
      `The workflow's input_schema is not a valid JSON Schema: ${(error as Error).message}`,
      '',
    );
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
