import type { UserActor } from '../../../actor.js';
import { refuseUnstorableText } from '../../../storable-text.js';
import { type WorkflowDefinition, workflowDefinitionSchema } from '../definition.js';
import { WorkflowInvalidError } from '../errors.js';
import { checkExpressions } from './validate/check-expressions.js';
import { checkReachable } from './validate/check-reachable.js';
import { checkReferences, type ReferenceSources, type SelfReference } from './validate/check-references.js';
import { checkSchedules } from './validate/check-schedules.js';
import { documentProblem, fieldUnder, stepProblem } from './validate/field-path.js';
import { jsonSchemaProblem } from './validate/json-schema.js';
import { checkNeeds, checkUniqueIds } from './validate/step-graph.js';
import { deriveNeeds } from './validate/derive-needs.js';
import { type PlacedStep, stepTree } from './validate/step-tree.js';

export type { ReferenceSources, SelfReference } from './validate/check-references.js';

/** The document's shape (the zod schema), refused as WORKFLOW_INVALID naming the step and the field. */
export function parseDefinition(document: unknown): WorkflowDefinition {
  // A YAML import may spell U+0000 as "\0": Postgres cannot store it (INVALID_INPUT, as everywhere).
  refuseUnstorableText(document, 'definition');
  const parsed = workflowDefinitionSchema.safeParse(document);
  if (!parsed.success) throw documentProblem(document, parsed.error);
  return parsed.data;
}

/**
 * Everything that makes a definition unable to run, found before it is saved: its shape, step ids
 * used twice, `needs` outside the block or in a cycle, expressions that do not parse or read a
 * step not upstream, steps that can never run, JSON Schemas that are not, schedules the scheduler would refuse, and names
 * (tools, prompts, child workflows) that do not exist for the actor. The first problem is thrown
 * as WorkflowInvalidError; a valid document comes back parsed (defaults filled in).
 */
export function createDefinitionValidator(sources: ReferenceSources) {
  return async function validateDefinition(
    actor: UserActor,
    document: unknown,
    self: SelfReference = { names: [] },
  ): Promise<WorkflowDefinition> {
    const definition = parseDefinition(document);
    deriveNeeds(definition.steps);
    const { blocks, steps } = stepTree(definition);
    checkUniqueIds(steps);
    checkNeeds(blocks, steps);
    checkSchemas(definition, steps);
    checkExpressions(definition, steps);
    checkReachable(steps);
    checkSchedules(definition);
    await checkReferences(actor, steps, sources, { ...self, names: [...self.names, definition.name] });
    return definition;
  };
}
export type ValidateDefinition = ReturnType<typeof createDefinitionValidator>;

/** The JSON Schemas a definition holds: the run input, a model step's answer, an approval's form. */
function checkSchemas(definition: WorkflowDefinition, steps: PlacedStep[]): void {
  const inputSchema = definition.input_schema;
  if (inputSchema.type !== undefined && inputSchema.type !== 'object')
    throw new WorkflowInvalidError(
      'input_schema.type: the run input is an object, so this must be "object"',
      'input_schema.type',
    );
  const problem = jsonSchemaProblem(inputSchema);
  if (problem) {
    const field = fieldUnder('input_schema', problem.path);
    throw new WorkflowInvalidError(`${field}: ${problem.message}`, field);
  }
  for (const { step, field } of steps) {
    const [name, schema] =
      step.kind === 'model'
        ? ['output_schema', step.output_schema]
        : step.kind === 'approval'
          ? ['fields', step.fields]
          : [];
    if (!name || !schema) continue;
    const stepSchemaProblem = jsonSchemaProblem(schema);
    if (stepSchemaProblem)
      throw stepProblem(
        step,
        fieldUnder(`${field}.${name}`, stepSchemaProblem.path),
        `${name} is not a valid JSON Schema: ${stepSchemaProblem.message}`,
      );
  }
}
