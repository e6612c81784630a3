import type { WorkflowStep } from '../../api/workflow-types';

/**
 * The graph node (definition path, as `definitionGraph` names nodes) of the step a validation
 * error's `field` points into: `steps[1].then[0].input.text` → `review.then.publish`. Undefined
 * when the field is outside every step (the name, the input schema).
 */
export function stepAtField(definition: { steps?: unknown }, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const parts = [...field.matchAll(/([a-z_]+)|\[(\d+)\]/g)].map((match) => match[1] ?? Number(match[2]));
  let block = Array.isArray(definition.steps) ? (definition.steps as WorkflowStep[]) : undefined;
  if (parts[0] !== 'steps') return undefined;
  let found: string | undefined;
  let prefix = '';
  let index = 1;
  while (block && typeof parts[index] === 'number') {
    const step = block[parts[index] as number];
    if (!step?.id) break;
    found = prefix ? `${prefix}.${step.id}` : step.id;
    const key = parts[index + 1];
    index += 2;
    if (step.kind === 'condition' && (key === 'then' || key === 'else')) {
      prefix = `${found}.${key}`;
      block = step[key];
    } else if (step.kind === 'parallel' && key === 'branches' && typeof parts[index] === 'number') {
      const branch = parts[index] as number;
      prefix = `${found}[${branch}]`;
      block = step.branches[branch];
      index += 1;
    } else if ((step.kind === 'foreach' || step.kind === 'loop') && key === 'steps') {
      prefix = found;
      block = step.steps;
    } else break;
  }
  return found;
}
