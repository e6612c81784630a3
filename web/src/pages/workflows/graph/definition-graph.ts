import type {
  StepKind,
  StepStatus,
  WorkflowDefinition,
  WorkflowRunStepView,
  WorkflowStep,
} from '../../../api/workflow-types';
import { combinedStatus } from './step-status';

/**
 * A definition as a graph: one node per step (compound steps are groups holding their blocks),
 * one edge per `needs`. Node ids are definition paths shaped like the run's step paths without
 * item or pass numbers: `fetch`, `review.then.publish`, `fan[1].mail`, `each.clean`, `again.check`.
 */
// A type, not an interface: React Flow's node data must be assignable to Record<string, unknown>.
export type GraphNode = {
  id: string;
  /** The group holding it: a compound step, or one of its blocks (a branch). */
  parent?: string;
  /** A step, or a block inside a compound step (a condition's then/else, a parallel branch). */
  role: 'step' | 'block';
  label: string;
  /** The step's kind, for a step; what it runs (a tool's name, a prompt's), when it says more. */
  kind?: StepKind;
  detail?: string;
  /** Holds other nodes (drawn as a group). */
  group: boolean;
  status: StepStatus | 'not_run';
  /** How many times it ran and how many of those succeeded: "3/5" for a foreach's items. */
  runs: { done: number; total: number };
  /** The run's step records of this node (their paths), in the order they started. */
  paths: string[];
  /** A block a condition did not take, once the condition has decided. */
  notTaken?: boolean;
  /** The branch a condition took. */
  branch?: string | null;
};

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Where a node's records are found in a run: a pattern over run step paths. */
type PathPattern = string;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');

function detailOf(step: WorkflowStep): string | undefined {
  switch (step.kind) {
    case 'tool':
      return step.tool;
    case 'prompt':
      return step.prompt;
    case 'workflow':
      return step.workflow;
    case 'agent':
      return step.agent;
    case 'wait_event':
      return step.event;
    case 'condition':
      return step.condition;
    case 'foreach':
      return step.items;
    case 'loop':
      return `until ${step.until}`;
    default:
      return undefined;
  }
}

/** The nested blocks of a compound step: their node id, run path pattern and label. */
function blocksOf(
  step: WorkflowStep,
  id: string,
  pattern: PathPattern,
): { id: string; pattern: PathPattern; label?: string; steps: WorkflowStep[] }[] {
  switch (step.kind) {
    case 'condition':
      return (['then', 'else'] as const).map((branch) => ({
        id: `${id}.${branch}`,
        pattern: `${pattern}\\.${branch}`,
        label: branch,
        steps: step[branch],
      }));
    case 'parallel':
      return step.branches.map((steps, index) => ({
        id: `${id}[${index}]`,
        pattern: `${pattern}\\[${index}\\]`,
        label: `branch ${index + 1}`,
        steps,
      }));
    case 'foreach':
      return [{ id, pattern: `${pattern}\\[\\d+\\]`, steps: step.steps }];
    case 'loop':
      return [{ id, pattern: `${pattern}#\\d+`, steps: step.steps }];
    default:
      return [];
  }
}

/**
 * The graph of a definition, each node coloured by the run's records of it when `steps` are given
 * (a step that ran per item or per pass gathers all its records), and the branch a condition took.
 */
export function definitionGraph(
  definition: Pick<WorkflowDefinition, 'steps'>,
  steps: WorkflowRunStepView[] = [],
): WorkflowGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];

  const recordsOf = (pattern: PathPattern) => {
    const matcher = new RegExp(`^${pattern}$`);
    return steps.filter((record) => matcher.test(record.path));
  };

  const addBlock = (block: WorkflowStep[], prefix: string, pattern: PathPattern, parent?: string) => {
    const idOf = (stepId: string) => (prefix ? `${prefix}.${stepId}` : stepId);
    const patternOf = (stepId: string) => (pattern ? `${pattern}\\.${escape(stepId)}` : escape(stepId));
    for (const step of block) {
      const id = idOf(step.id);
      const records = recordsOf(patternOf(step.id));
      const branch = records.find((record) => record.branch)?.branch ?? null;
      const blocks = blocksOf(step, id, patternOf(step.id));
      nodes.push({
        id,
        parent,
        role: 'step',
        label: step.title ?? step.id,
        kind: step.kind,
        detail: detailOf(step),
        group: blocks.length > 0,
        status: combinedStatus(records.map((record) => record.status)),
        runs: {
          done: records.filter((record) => record.status === 'succeeded').length,
          total: records.length,
        },
        paths: records.map((record) => record.path),
        ...(step.kind === 'condition' ? { branch } : {}),
      });
      for (const need of step.needs ?? [])
        edges.push({ id: `${idOf(need)}->${id}`, source: idOf(need), target: id });
      for (const inner of blocks) {
        if (inner.id !== id) {
          const blockRecords = recordsOf(`${inner.pattern}\\..+`);
          nodes.push({
            id: inner.id,
            parent: id,
            role: 'block',
            label: inner.label ?? '',
            group: true,
            status: combinedStatus(blockRecords.map((record) => record.status)),
            runs: { done: 0, total: blockRecords.length },
            paths: [],
            notTaken: step.kind === 'condition' && branch !== null && inner.label !== branch,
          });
        }
        addBlock(inner.steps, inner.id, inner.pattern, inner.id);
      }
    }
  };

  addBlock(definition.steps, '', '');
  return { nodes, edges };
}
