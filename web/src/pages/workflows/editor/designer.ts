/**
 * The designer's edits, made on the definition document itself so the JSON stays the one truth:
 * adding a step from the palette (at the top level or into the block it was dropped on), removing
 * one, and connecting two steps (an edge is a `needs`).
 */

type Document = Record<string, unknown>;
type Step = Record<string, unknown> & { id: string };

/** What each palette entry adds: a step of that kind with the fields it needs, to fill in. */
export const paletteSteps: Record<string, Omit<Step, 'id'>> = {
  tool: { kind: 'tool', tool: 'add_task', input: { title: '{{ input.topic }}' } },
  model: { kind: 'model', prompt: 'Summarize {{ input.topic }}' },
  prompt: { kind: 'prompt', prompt: 'a-prompt-name', arguments: {} },
  agent: { kind: 'agent', agent: 'an-agent-name', input: '{{ input.topic }}' },
  approval: { kind: 'approval', message: 'Go on?' },
  condition: { kind: 'condition', condition: 'true', then: [], else: [] },
  parallel: { kind: 'parallel', branches: [[{ id: 'left', kind: 'sleep', duration_ms: 0 }]] },
  foreach: {
    kind: 'foreach',
    items: '[1, 2, 3]',
    steps: [{ id: 'each_item', kind: 'sleep', duration_ms: 0 }],
  },
  loop: {
    kind: 'loop',
    until: 'iteration >= 2',
    max_iterations: 3,
    steps: [{ id: 'pass', kind: 'sleep', duration_ms: 0 }],
  },
  sleep: { kind: 'sleep', duration_ms: 1000 },
  wait_event: { kind: 'wait_event', event: 'task.created', timeout_ms: 60000 },
  workflow: { kind: 'workflow', workflow: 'another-workflow', input: {} },
};

export type PaletteKind = keyof typeof paletteSteps;

/** Every step id in the document, however deep (ids are unique in the whole definition). */
function idsOf(steps: unknown, into = new Set<string>()): Set<string> {
  for (const step of Array.isArray(steps) ? steps : []) {
    if (!step || typeof step !== 'object') continue;
    const record = step as Record<string, unknown>;
    if (typeof record.id === 'string') into.add(record.id);
    for (const key of ['then', 'else', 'steps']) idsOf(record[key], into);
    for (const branch of Array.isArray(record.branches) ? record.branches : []) idsOf(branch, into);
  }
  return into;
}

/** The first free id for a kind: `approval`, `approval_2`, … */
function freeId(document: Document, kind: string, taken = idsOf(document.steps)): string {
  for (let index = 1; ; index += 1) {
    const id = index === 1 ? kind : `${kind}_${index}`;
    if (!taken.has(id)) return id;
  }
}

/** What a palette entry adds: a step without its id, and the word its id is made from. */
export interface StepTemplate {
  step: Omit<Step, 'id'>;
  idBase: string;
}

/** A palette kind's template. */
export const kindTemplate = (kind: PaletteKind): StepTemplate => ({
  step: paletteSteps[kind] ?? { kind },
  idBase: kind,
});

/** A name made a step id's start: lowercase letters, digits and _ (`Research Bot` → `research_bot`). */
export function idBaseOf(name: string, fallback: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 56);
  return base || fallback;
}

/**
 * Where a step goes, from the graph node it was dropped on (or the one selected when it was
 * pressed): into a condition's or a parallel's block (`check.then`, `fan[1]`) or a foreach's or a
 * loop's steps, after the block's last step; beside a step, waiting for it; `pane` (the empty canvas)
 * at the top level, waiting for nothing, to be connected.
 */
export type DropTarget =
  { role: 'pane' } | { nodeId: string; role: 'step' | 'block'; kind?: string; parent?: string };

/** The block a new step goes into and the step it waits for (none: it waits for nothing). */
function placeOf(
  steps: Step[],
  target: DropTarget | undefined,
): { block: Step[]; after?: string } | undefined {
  const atEnd = (block: Step[]) => ({ block, after: block.at(-1)?.id });
  if (!target) return atEnd(steps);
  if (target.role === 'pane') return { block: steps };
  if (target.role === 'block') {
    const branch = /\[(\d+)\]$/.exec(target.nodeId);
    if (branch) {
      const parallel = findStep(steps, stepIdOfNode(target.nodeId))?.step;
      const block = (parallel?.branches as Step[][] | undefined)?.[Number(branch[1])];
      return block && atEnd(block);
    }
    const side = target.nodeId.split('.').at(-1) as 'then' | 'else';
    const condition = target.parent ? findStep(steps, stepIdOfNode(target.parent))?.step : undefined;
    if (!condition) return undefined;
    if (!Array.isArray(condition[side])) condition[side] = [];
    return atEnd(condition[side] as Step[]);
  }
  const found = findStep(steps, stepIdOfNode(target.nodeId));
  if (!found) return undefined;
  if (target.kind === 'foreach' || target.kind === 'loop') return atEnd(found.step.steps as Step[]);
  return { block: found.block, after: found.step.id };
}

/**
 * The document with a new step from `template` where `target` says (by default at the end of the
 * workflow, after its last step); it and its inner steps get free ids. The new step's id is
 * answered too, to select it.
 */
export function addStep(
  document: Document,
  template: StepTemplate,
  target?: DropTarget,
): { document: Document; id: string } {
  const copy = structuredClone(document);
  if (!Array.isArray(copy.steps)) copy.steps = [];
  const taken = idsOf(copy.steps);
  const step = structuredClone(template.step) as Step;
  // The template's inner steps need ids of their own too.
  for (const key of ['steps', 'then', 'else'])
    for (const inner of (step[key] as Step[] | undefined) ?? []) {
      inner.id = freeId(copy, inner.id, taken);
      taken.add(inner.id);
    }
  for (const branch of (step.branches as Step[][] | undefined) ?? [])
    for (const inner of branch) {
      inner.id = freeId(copy, inner.id, taken);
      taken.add(inner.id);
    }
  const place = placeOf(copy.steps as Step[], target) ?? placeOf(copy.steps as Step[], undefined);
  const id = freeId(copy, template.idBase, taken);
  place?.block.push({ ...step, id, ...(place.after ? { needs: [place.after] } : {}) } as Step);
  return { document: copy, id };
}

/** The document without the step (anywhere), and without the needs that named it. */
export function removeStep(document: Document, id: string): Document {
  const copy = structuredClone(document);
  const found = findStep(copy.steps, id);
  if (!found) return copy;
  found.block.splice(found.block.indexOf(found.step), 1);
  for (const sibling of found.block)
    if (Array.isArray(sibling.needs)) {
      sibling.needs = (sibling.needs as string[]).filter((need) => need !== id);
      if ((sibling.needs as string[]).length === 0) delete sibling.needs;
    }
  return copy;
}

/** The ids of the steps beside this one (its block), which it may wait for. */
export function siblingsOf(document: Document, id: string): string[] {
  return (findStep(document.steps, id)?.block ?? []).map((step) => step.id).filter((other) => other !== id);
}

/** The document with the step waiting for exactly these siblings. */
export function withNeeds(document: Document, id: string, needs: string[]): Document {
  const copy = structuredClone(document);
  const found = findStep(copy.steps, id);
  if (!found) return copy;
  if (needs.length > 0) found.step.needs = needs;
  else delete found.step.needs;
  return copy;
}

/** The block (list of steps) holding the step with this id, and the step, anywhere in the tree. */
function findStep(steps: unknown, id: string): { block: Step[]; step: Step } | undefined {
  if (!Array.isArray(steps)) return undefined;
  for (const step of steps as Step[]) {
    if (step?.id === id) return { block: steps as Step[], step };
    for (const key of ['then', 'else', 'steps']) {
      const found = findStep(step?.[key], id);
      if (found) return found;
    }
    for (const branch of Array.isArray(step?.branches) ? step.branches : []) {
      const found = findStep(branch, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** The step id at the end of a graph node id (`review.then.publish` → `publish`). */
export const stepIdOfNode = (nodeId: string) =>
  nodeId
    .split('.')
    .at(-1)
    ?.replace(/\[\d+\]$/, '') ?? nodeId;

/**
 * The document with `target` needing `source`, or a sentence saying why not: both must be steps
 * of the same block (the server refuses a `needs` across blocks), and it must not be there yet.
 */
export function connectSteps(
  document: Document,
  source: string,
  target: string,
): Document | { problem: string } {
  const copy = structuredClone(document);
  const from = findStep(copy.steps, source);
  const to = findStep(copy.steps, target);
  if (!from || !to) return { problem: 'Connect two steps.' };
  if (source === target) return { problem: 'A step cannot wait for itself.' };
  if (from.block !== to.block) return { problem: `"${target}" and "${source}" are not in the same block.` };
  const needs = Array.isArray(to.step.needs) ? (to.step.needs as string[]) : [];
  if (needs.includes(source)) return { problem: `"${target}" already waits for "${source}".` };
  to.step.needs = [...needs, source];
  return copy;
}
