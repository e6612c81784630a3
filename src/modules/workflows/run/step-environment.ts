import type { WorkflowStepShape } from '../definition.js';
import type { WorkflowDeps } from '../deps.js';
import type { PipelineItem, ItemRef } from '../pipeline/items.js';
import type { StepCache } from '../pipeline/step-cache.js';
import type { UserActor } from '../../../actor.js';
import type { RunRecords } from './records.js';
import type { PartResult, PartSpec } from './run-state.js';
import type { StepResult, StepRunContext } from './step-kind.js';

/** What the step runners share: the deps, the rows, and the executor's two ways to start a child DBOS workflow. */
export interface StepEnvironment {
  deps: WorkflowDeps;
  records: RunRecords;
  /** Step outputs reused across runs (`cache: true`) and within a run (pure steps). */
  cache?: StepCache;
  /** A pipeline item made ready for its steps (a document read as the run's user). */
  loadItem?(actor: UserActor, ref: ItemRef, index: number): Promise<PipelineItem>;
  /** Starts a part of the run as a child DBOS workflow `<run id>:<path>`; await the result in start order. */
  startPart(spec: PartSpec): Promise<{ getResult(): Promise<PartResult> }>;
  /** A `workflow` step: a child run with its own row (id {@link childRunId}), awaited. */
  runChildWorkflow(
    step: Extract<WorkflowStepShape, { kind: 'workflow' }>,
    input: Record<string, unknown>,
    context: StepRunContext,
    attempt: number,
  ): Promise<StepResult>;
}

/**
 * The id of the child run a `workflow` step starts: `<run id>:<path>@run`, and `@run#<n>` for a
 * retry's later attempts. Never `<run id>:<path>` alone, which is the id of the step's part when it
 * runs beside others in a wave; still under `<run id>:`, so cancelling the run reaches it.
 */
export function childRunId(runId: string, path: string, attempt: number): string {
  return `${runId}:${path}@run${attempt > 1 ? `#${attempt}` : ''}`;
}
