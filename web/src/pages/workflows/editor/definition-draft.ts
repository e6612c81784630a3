import type { WorkflowDefinition, WorkflowRunStepView } from '../../../api/workflow-types';
import { definitionGraph, type WorkflowGraph } from '../graph/definition-graph';

/** What a new workflow starts from: one step, to change. */
export const starterDefinition = {
  name: 'my-workflow',
  description: 'What this workflow does',
  input_schema: {
    type: 'object',
    properties: { topic: { type: 'string', title: 'Topic' } },
    required: ['topic'],
  },
  steps: [
    {
      id: 'note',
      kind: 'tool',
      tool: 'add_task',
      input: { title: 'Look into {{ input.topic }}' },
    },
  ],
  triggers: [{ kind: 'manual' }],
};

/** The definition as the editor shows it. */
export function draftText(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}

/** The editor's text read as JSON: the document, or the parse error as a sentence. */
export function readDraft(text: string): { document: Record<string, unknown> } | { problem: string } {
  try {
    const document: unknown = JSON.parse(text);
    if (!document || typeof document !== 'object' || Array.isArray(document))
      return { problem: 'The definition must be a JSON object.' };
    return { document: document as Record<string, unknown> };
  } catch (error) {
    return { problem: `This is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * The graph of a draft being typed, when it is shaped enough to draw (steps with ids and kinds;
 * the server's check says the rest), coloured by a test run's step records when given. Anything
 * else draws nothing rather than failing the page.
 */
export function draftGraph(
  document: Record<string, unknown> | undefined,
  records: WorkflowRunStepView[] = [],
): WorkflowGraph | undefined {
  if (!document || !Array.isArray(document.steps)) return undefined;
  try {
    const graph = definitionGraph(withBlocks(document) as Pick<WorkflowDefinition, 'steps'>, records);
    return graph.nodes.length > 0 ? graph : undefined;
  } catch {
    return undefined;
  }
}

/** Fills the blocks a compound step may leave out (a condition's `else`), as the server's schema does. */
function withBlocks(document: Record<string, unknown>): { steps: unknown[] } {
  const fill = (steps: unknown): unknown[] =>
    (Array.isArray(steps) ? steps : [])
      .filter(
        (step): step is Record<string, unknown> =>
          !!step && typeof step === 'object' && typeof step.id === 'string',
      )
      .map((step) => ({
        ...step,
        ...(step.kind === 'condition' ? { then: fill(step.then), else: fill(step.else) } : {}),
        ...(step.kind === 'parallel'
          ? { branches: (Array.isArray(step.branches) ? step.branches : []).map(fill) }
          : {}),
        ...(step.kind === 'foreach' || step.kind === 'loop' ? { steps: fill(step.steps) } : {}),
      }));
  return { steps: fill(document.steps) };
}
