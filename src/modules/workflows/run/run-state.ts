import type { UserActor } from '../../../actor.js';
import type { WorkflowStepShape } from '../definition.js';
import type { ItemRef } from '../pipeline/items.js';
import type { EndedStep, RunRecords, StepBegun, StepEnd, StepMeta } from './records.js';
import type { StepResult, StepScope } from './step-kind.js';

/** What every DBOS workflow of a run knows of it (the root's and its children's alike). */
export interface RunInfo {
  id: string;
  ownerId: string;
  workflowName: string;
  /** A retry's copies: the outputs of the steps that succeeded in the failed run, by path. */
  copies: Record<string, unknown>;
}

/** How a step ended, as the steps after it see it (`needs` of skipped steps skip). */
export type StepOutcome = 'succeeded' | 'failed' | 'skipped';

/** A step failed for good with `on_error: 'fail'`: the run fails with its code and path. */
export class RunFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'RunFailure';
  }

  toJSON() {
    return { code: this.code, message: this.message, step_path: this.path };
  }
}

/**
 * A part of a run that runs as a child DBOS workflow (`<run id>:<path>`): one step of a wave of
 * several (`one`), or a block of steps (a parallel branch, a foreach item) under `prefix`.
 */
export interface PartSpec {
  run: RunInfo;
  mode: 'one' | 'block';
  steps: WorkflowStepShape[];
  /** The path the part's steps are under ('' at the top). */
  prefix: string;
  /** Its own path: the child workflow id is `<run id>:<path>`. */
  path: string;
  scope: StepScope;
  /** A pipeline item: loaded (a DBOS step) into `scope.item` before the steps run. */
  item?: { ref: ItemRef; index: number };
}

/** What a part gives back: the steps it settled (merged into the parent's scope) and its last output. */
export type PartResult =
  | { ok: true; steps: StepScope['steps']; last: unknown }
  | { ok: false; failure: { code: string; message: string; step_path: string } };

/** What the root workflow of a run returns (and a parent `workflow` step reads). */
export type RunResult =
  | { status: 'succeeded'; output: unknown }
  | { status: 'failed'; error: { code: string; message: string; step_path?: string } }
  | { status: 'cancelled' };

/** Where a block runs: the run, its user, and the DBOS workflow executing it. */
export interface BlockContext {
  run: RunInfo;
  actor: UserActor;
  /** A pipeline item: a wave of several steps runs one step after another, in this DBOS workflow. */
  sequential?: boolean;
  /**
   * A pipeline item run whole in one DBOS step: its steps' ends are kept here and written with the
   * item's settle, in one commit (a replay of the item writes them again, as upserts).
   */
  stepEnds?: EndedStep[];
  /**
   * The step cache's entries looked up at once when such an item began: the keys asked, those
   * found, and by step id the inputs resolved then that its step takes as they are, with their keys.
   */
  cached?: {
    keys: Set<string>;
    found: Map<string, StepResult>;
    inputs?: Map<string, { input: Record<string, unknown>; key: string }>;
  };
  /** Such an item's results to keep in the step cache: written with its chunk's settle, in one statement. */
  cacheWrites?: CacheWrite[];
}

/** A step's result to keep in the user's step cache under its key. */
export interface CacheWrite {
  key: string;
  subject: string;
  result: StepResult;
}

/** Ends a step's row: at once, or kept for the item's settle when the block runs in one DBOS step. */
export async function endStepRow(
  records: RunRecords,
  context: BlockContext,
  step: StepMeta,
  end: StepEnd,
  begun?: StepBegun,
): Promise<void> {
  if (context.stepEnds) context.stepEnds.push({ step, end, ...(begun ? { begun } : {}), at: records.now() });
  else await records.endStep(context.actor, context.run.id, step, end, begun);
}

/** The path of a step in a block under `prefix`. */
export const pathOf = (prefix: string, stepId: string) => (prefix ? `${prefix}.${stepId}` : stepId);
