import type { WorkflowDefinition, WorkflowStepShape } from '../../definition.js';
import { stepReferences, templateExpressions } from '../../expressions.js';

/** The fields whose whole value is an expression (not `{{ }}` text). */
const bareFields = new Set(['if', 'condition', 'items', 'until', 'filter']);
/** The fields that hold nested steps. */
const nestedFields = new Set(['then', 'else', 'branches', 'steps', 'compensate']);

/** Every step id a step's expressions read, its nested steps' included. */
function readsOf(value: unknown, key?: string): string[] {
  if (typeof value === 'string')
    return [...(key && bareFields.has(key) ? [value] : []), ...templateExpressions(value)].flatMap(
      stepReferences,
    );
  if (Array.isArray(value)) return value.flatMap((item) => readsOf(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([field, inner]) =>
      field === 'needs' ? [] : readsOf(inner, nestedFields.has(field) ? undefined : field),
    );
  return [];
}

/** Every step id inside a step (itself included). */
function idsWithin(step: WorkflowStepShape): string[] {
  const inner: WorkflowStepShape[] = [];
  if (step.kind === 'condition') inner.push(...step.then, ...step.else);
  else if (step.kind === 'parallel') inner.push(...step.branches.flat());
  else if (step.kind === 'foreach' || step.kind === 'loop') inner.push(...step.steps);
  return [step.id, ...inner.flatMap(idsWithin)];
}

/**
 * Fills in `needs` where a step does not give it: the sibling steps its expressions (or its nested
 * steps' expressions) read, a step nested in a sibling counting as that sibling. Steps that read
 * nothing of each other then run at once, as the plan shows. A given `needs` is kept as written.
 */
export function deriveNeeds(steps: WorkflowStepShape[]): void {
  const owner = new Map<string, string>();
  for (const step of steps) for (const id of idsWithin(step)) owner.set(id, step.id);
  for (const step of steps) {
    if (step.needs === undefined) {
      const needs = [...new Set(readsOf(step).flatMap((id) => owner.get(id) ?? []))].filter(
        (id) => id !== step.id,
      );
      if (needs.length > 0) step.needs = needs;
    }
    if (step.kind === 'condition') {
      deriveNeeds(step.then);
      deriveNeeds(step.else);
    } else if (step.kind === 'parallel') step.branches.forEach(deriveNeeds);
    else if (step.kind === 'foreach' || step.kind === 'loop') deriveNeeds(step.steps);
  }
}

/**
 * The waves the top-level steps run in: each wave the steps whose needs are all in earlier waves,
 * in definition order (as the executor runs them); a wave of several runs at once.
 */
export function executionPlan(definition: Pick<WorkflowDefinition, 'steps'>): string[][] {
  const ids = new Set(definition.steps.map((step) => step.id));
  const placed = new Set<string>();
  let pending = [...definition.steps];
  const waves: string[][] = [];
  while (pending.length > 0) {
    const wave = pending.filter((step) =>
      (step.needs ?? []).every((need) => placed.has(need) || !ids.has(need)),
    );
    if (wave.length === 0) break;
    for (const step of wave) placed.add(step.id);
    pending = pending.filter((step) => !wave.includes(step));
    waves.push(wave.map((step) => step.id));
  }
  return waves;
}
