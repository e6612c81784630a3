import type { WorkflowDefinition, WorkflowStepShape } from '../../definition.js';

/** A list of steps that form one graph by `needs`: the top level, a branch, a loop body. */
export interface Block {
  /** Where it is: `steps`, `steps[2].then`, `steps[1].branches[0]`. */
  field: string;
  steps: PlacedStep[];
  /** The compound step holding it (or, for a compensation, the step it answers); none at the top. */
  holder: PlacedStep | undefined;
  /** A compensation runs after its step failed: it may read what that step could read, and the step. */
  compensates: boolean;
}

/** A step with its place in the definition. */
export interface PlacedStep {
  step: WorkflowStepShape;
  /** `steps[2].then[0]`: the prefix of every field inside it. */
  field: string;
  block: Block;
  /** Blocks nested in it (branches, bodies, its compensation). */
  children: Block[];
}

/** Every block and step of a definition, outer before inner, in document order. */
export function stepTree(definition: WorkflowDefinition): { blocks: Block[]; steps: PlacedStep[] } {
  const blocks: Block[] = [];
  const steps: PlacedStep[] = [];

  const addBlock = (
    field: string,
    list: WorkflowStepShape[],
    holder: PlacedStep | undefined,
    compensates = false,
  ): Block => {
    const block: Block = { field, steps: [], holder, compensates };
    blocks.push(block);
    list.forEach((step, index) => {
      // A compensation is one step, not a list: `steps[2].on_error.compensate`.
      const placed: PlacedStep = {
        step,
        field: compensates ? `${field}.compensate` : `${field}[${index}]`,
        block,
        children: [],
      };
      block.steps.push(placed);
      steps.push(placed);
    });
    for (const placed of block.steps)
      placed.children = innerBlocks(placed).map(([inner, list, isCompensation]) =>
        addBlock(inner, list, placed, isCompensation),
      );
    return block;
  };

  addBlock('steps', definition.steps as WorkflowStepShape[], undefined);
  return { blocks, steps };
}

/** The blocks a step holds: `[field, steps, isCompensation]`. */
function innerBlocks({ step, field }: PlacedStep): [string, WorkflowStepShape[], boolean][] {
  switch (step.kind) {
    case 'condition':
      return [
        [`${field}.then`, step.then, false],
        [`${field}.else`, step.else, false],
      ];
    case 'parallel':
      return step.branches.map((branch, index) => [`${field}.branches[${index}]`, branch, false]);
    case 'foreach':
    case 'loop':
      return [[`${field}.steps`, step.steps, false]];
    default:
      return typeof step.on_error === 'object'
        ? [[`${field}.on_error`, [step.on_error.compensate], true]]
        : [];
  }
}

/** Every step inside a step (its blocks, all the way down). */
export function stepsWithin(placed: PlacedStep): PlacedStep[] {
  return placed.children.flatMap((block) => block.steps.flatMap((inner) => [inner, ...stepsWithin(inner)]));
}
