import { stepProblem } from './field-path.js';
import { type Block, type PlacedStep, stepsWithin } from './step-tree.js';

/** Refuses an id used twice anywhere: expressions and run rows name steps by id alone. */
export function checkUniqueIds(steps: PlacedStep[]): void {
  const seen = new Map<string, PlacedStep>();
  for (const placed of steps) {
    const first = seen.get(placed.step.id);
    if (first)
      throw stepProblem(
        placed.step,
        `${placed.field}.id`,
        `the id is already used by the step at ${first.field}`,
      );
    seen.set(placed.step.id, placed);
  }
}

/** Refuses a `needs` naming itself or a step outside its block, and needs that go round in a cycle. */
export function checkNeeds(blocks: Block[], steps: PlacedStep[]): void {
  const anywhere = new Map(steps.map((placed) => [placed.step.id, placed]));
  for (const block of blocks) {
    const here = new Set(block.steps.map((placed) => placed.step.id));
    for (const placed of block.steps) {
      for (const [index, need] of (placed.step.needs ?? []).entries()) {
        const field = `${placed.field}.needs[${index}]`;
        if (need === placed.step.id) throw stepProblem(placed.step, field, 'a step cannot need itself');
        if (here.has(need)) continue;
        const elsewhere = anywhere.get(need);
        throw stepProblem(
          placed.step,
          field,
          elsewhere
            ? `needs "${need}", which is not in the same block (it is at ${elsewhere.field}); a step may need only its siblings`
            : `needs "${need}", but there is no step with that id`,
        );
      }
    }
    checkAcyclic(block);
  }
}

function checkAcyclic(block: Block): void {
  const byId = new Map(block.steps.map((placed) => [placed.step.id, placed]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (placed: PlacedStep, trail: string[]): void => {
    const id = placed.step.id;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const first = byId.get(cycle[0] as string) as PlacedStep;
      throw stepProblem(
        first.step,
        `${first.field}.needs`,
        `its needs go round in a cycle: ${cycle.join(' → ')}`,
      );
    }
    state.set(id, 'visiting');
    for (const need of placed.step.needs ?? []) visit(byId.get(need) as PlacedStep, [...trail, id]);
    state.set(id, 'done');
  };
  for (const placed of block.steps) visit(placed, []);
}

/**
 * The steps whose outputs a step may read: those it needs (transitively) with everything inside
 * them, and whatever the step holding its block may read. Steps of its block it does not need run
 * at the same time as it, so their outputs are not there yet.
 */
export function upstreamOf(placed: PlacedStep): Set<string> {
  const upstream = new Set<string>();
  const byId = new Map(placed.block.steps.map((sibling) => [sibling.step.id, sibling]));
  const pending = [...(placed.step.needs ?? [])];
  while (pending.length > 0) {
    const need = byId.get(pending.pop() as string);
    if (!need || upstream.has(need.step.id)) continue;
    upstream.add(need.step.id);
    for (const inner of stepsWithin(need)) upstream.add(inner.step.id);
    pending.push(...(need.step.needs ?? []));
  }
  const holder = placed.block.holder;
  if (holder) {
    for (const id of upstreamOf(holder)) upstream.add(id);
    if (placed.block.compensates) upstream.add(holder.step.id);
  }
  return upstream;
}
