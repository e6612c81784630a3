import { InvalidInputError } from '../../../errors.js';
import { validatorFor } from './json-schema-validator.js';

/**
 * Checks an answer's form values against the approval's `fields` (a JSON Schema of the values
 * object). A mismatch is INVALID_INPUT naming the value: `values.amount`.
 */
export function checkApprovalValues(
  fields: Record<string, unknown> | null,
  values: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  if (!fields) return values ?? null;
  const given = values ?? {};
  let result: ReturnType<ReturnType<typeof validatorFor>>;
  try {
    result = validatorFor(fields)(given);
  } catch {
    throw new InvalidInputError("This approval's form (fields) is not a valid JSON Schema", {
      field: 'values',
    });
  }
  if (result.valid) return given;
  const { field, problem } = firstProblem(result.errorMessage);
  throw new InvalidInputError(`${field} ${problem}`, { field });
}

/**
 * ajv's text is `data/amount must be number, data must have required property 'note'`: the
 * first problem, with its place as a dotted field under `values`.
 */
function firstProblem(errorMessage: string): { field: string; problem: string } {
  const first = /^data(\S*) (.+?)(?=, data[/ ]|$)/.exec(errorMessage);
  const pointer = first?.[1] ?? '';
  const problem = first?.[2] ?? errorMessage;
  const missing = /^must have required property '(.+)'$/.exec(problem)?.[1];
  const path = pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (missing) path.push(missing);
  return { field: ['values', ...path].join('.'), problem: missing ? 'is required' : problem };
}
