/**
 * The designer's edits, made on the definition document itself so the JSON stays the one truth:
 * adding a step from the palette, and connecting two steps (an edge is a `needs`).
 */

type Document = Record<string, unknown>;
type Step = Record<string, unknown> & { id: string };

/** What each palette entry adds: a step of that kind with the fields it needs, to fill in. */
export const paletteSteps: Record<string, Omit<Step, 'id'>> = {
  tool: { kind: 'tool', tool: 'add_task', input: { title: '{{ input.topic }}' } },
  model: { kind: 'model', prompt: 'Summarize {{ input.topic }}' },
  prompt: { kind: 'prompt', prompt: 'a-prompt-name', arguments: {} },
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

/** The document with a new step of `kind` at the end, after the last top-level step. */
export function addStep(document: Document, kind: PaletteKind): Document {
  const steps = Array.isArray(document.steps) ? (document.steps as Step[]) : [];
  const taken = idsOf(steps);
  const template = structuredClone(paletteSteps[kind]) as Step;
  // The template's inner steps need ids of their own too.
  for (const key of ['steps', 'then', 'else'])
    for (const inner of (template[key] as Step[] | undefined) ?? []) {
      inner.id = freeId(document, inner.id, taken);
      taken.add(inner.id);
    }
  for (const branch of (template.branches as Step[][] | undefined) ?? [])
    for (const inner of branch) {
      inner.id = freeId(document, inner.id, taken);
      taken.add(inner.id);
    }
  const last = steps.at(-1);
  const step: Step = {
    ...template,
    id: freeId(document, kind, taken),
    ...(last ? { needs: [last.id] } : {}),
  };
  return { ...document, steps: [...steps, step] };
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
