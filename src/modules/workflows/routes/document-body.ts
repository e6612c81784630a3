import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { ZodType } from 'zod';
import { validatorCompiler } from '../../../http/validator-compiler.js';
import { workflowDefinitionSchema } from '../definition.js';
import { parseDefinition } from '../service/validate.js';

/**
 * A body that is a workflow definition is refused as the service refuses one — WORKFLOW_INVALID
 * naming the step, with the field as `steps[2].input.text` — not as the generic INVALID_INPUT
 * (`steps.2.input.text`): one code and one way of naming places for a definition, whether zod's
 * shape check or a deeper check finds the fault. Every other part keeps the app's validator.
 */
export function useDefinitionBodyErrors(scope: FastifyInstance): void {
  const compiler: FastifySchemaCompiler<ZodType> = (route) => {
    const validate = validatorCompiler(route);
    if (route.httpPart !== 'body' || route.schema !== workflowDefinitionSchema) return validate;
    return (data) => {
      const result = validate(data) as { value?: unknown; error?: Error | FastifySchemaValidationError[] };
      if (!Array.isArray(result.error)) return result;
      try {
        parseDefinition(data);
        return result;
      } catch (error) {
        return { error: error as Error };
      }
    };
  };
  scope.setValidatorCompiler(compiler);
}
