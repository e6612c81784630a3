import type { WorkflowDefinition, WorkflowStepShape } from '../../definition.js';
import { WorkflowInvalidError } from '../../errors.js';
import { expressionProblem, stepReferences as referencesIn, templateExpressions } from '../../expressions.js';
import { stepProblem } from './field-path.js';
import { upstreamOf } from './step-graph.js';
import { type PlacedStep, stepsWithin } from './step-tree.js';

/** One expression in the document: where it is, and whether it is bare or a `{{ }}` in text. */
interface Written {
  field: string;
  source: string;
}

/**
 * Refuses an expression that does not parse, and one that reads `steps.<id>` of a step that has
 * not finished when it is evaluated (not upstream), or of no step at all.
 */
export function checkExpressions(definition: WorkflowDefinition, steps: PlacedStep[]): void {
  const allIds = new Map(steps.map((placed) => [placed.step.id, placed]));
  for (const placed of steps) {
    const upstream = upstreamOf(placed);
    const within = new Set(stepsWithin(placed).map((inner) => inner.step.id));
    for (const { field, source, readsBody } of stepExpressions(placed)) {
      const readable = readsBody ? new Set([...upstream, ...within]) : upstream;
      const problem = expressionProblem(source);
      if (problem)
        throw stepProblem(placed.step, field, `the expression "${source}" is not valid: ${problem}`);
      for (const id of referencesIn(source)) {
        if (readable.has(id)) continue;
        const step = allIds.get(id);
        const sibling = step?.block === placed.block;
        throw stepProblem(
          placed.step,
          field,
          !step
            ? `reads steps.${id}, but there is no step with that id`
            : sibling
              ? `reads steps.${id}, which may not have run yet: add "${id}" to its needs`
              : `reads steps.${id}, which does not run before it (only steps upstream may be read)`,
        );
      }
    }
  }
  const everyStep = new Set(allIds.keys());
  checkOutside(templated('output', definition.output ?? {}), everyStep, 'the run output');
  definition.triggers.forEach((trigger, index) => {
    const field = `triggers[${index}]`;
    const written = [
      ...(trigger.kind === 'event' && trigger.filter
        ? [{ field: `${field}.filter`, source: trigger.filter }]
        : []),
      ...('input' in trigger && trigger.input ? templated(`${field}.input`, trigger.input) : []),
    ];
    checkOutside(written, new Set(), 'a trigger (it runs before any step)');
  });
}

/** Expressions outside the steps: the run output (reads any step) and triggers (read none). */
function checkOutside(written: Written[], readable: Set<string>, what: string): void {
  for (const { field, source } of written) {
    const problem = expressionProblem(source);
    if (problem)
      throw new WorkflowInvalidError(`${field}: the expression "${source}" is not valid: ${problem}`, field);
    const unknown = referencesIn(source).find((id) => !readable.has(id));
    if (unknown !== undefined)
      throw new WorkflowInvalidError(`${field}: reads steps.${unknown}, which ${what} cannot read`, field);
  }
}

/** A step's own expressions (not those of the steps inside it); `readsBody`: evaluated after its body ran. */
function stepExpressions({ step, field }: PlacedStep): (Written & { readsBody: boolean })[] {
  const bare = (name: string, source: string | undefined, readsBody = false) =>
    source === undefined ? [] : [{ field: `${field}.${name}`, source, readsBody }];
  const inText = (name: string, value: unknown) =>
    templated(`${field}.${name}`, value).map((written) => ({ ...written, readsBody: false }));
  const own = bare('if', step.if);
  return [...own, ...kindExpressions(step, bare, inText)];
}

type Bare = (
  name: string,
  source: string | undefined,
  readsBody?: boolean,
) => (Written & { readsBody: boolean })[];
type InText = (name: string, value: unknown) => (Written & { readsBody: boolean })[];

function kindExpressions(step: WorkflowStepShape, bare: Bare, inText: InText) {
  switch (step.kind) {
    case 'tool':
    case 'workflow':
      return inText('input', step.input);
    case 'prompt':
      return inText('arguments', step.arguments);
    case 'model':
      return [...inText('prompt', step.prompt), ...inText('system', step.system)];
    case 'agent':
      return inText('input', step.input);
    case 'approval':
      return inText('message', step.message);
    case 'sleep':
      return bare('until', step.until);
    case 'wait_event':
      return bare('filter', step.filter);
    case 'condition':
      return bare('condition', step.condition);
    case 'foreach':
      return bare('items', step.items);
    case 'loop':
      return bare('until', step.until, true);
    default:
      return [];
  }
}

/** The `{{ }}` expressions in a value, each with the field of the text holding it. */
export function templated(field: string, value: unknown): Written[] {
  if (typeof value === 'string') return templateExpressions(value).map((source) => ({ field, source }));
  if (Array.isArray(value)) return value.flatMap((item, index) => templated(`${field}[${index}]`, item));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => templated(`${field}.${key}`, item));
  return [];
}
