import type { UserActor } from '../../../actor.js';
import type { WorkflowStepShape } from '../definition.js';
import type { WorkflowDeps } from '../deps.js';

/** What expressions see: the run input, finished steps' outputs, and the loop variables in scope. */
export interface StepScope {
  input: Record<string, unknown>;
  steps: Record<string, { output: unknown; status: string }>;
  /** foreach: the current item and its index. */
  item?: unknown;
  index?: number;
  /** loop: the pass, from 0. */
  iteration?: number;
  /** The run: its id, its workflow's name, and when it started (ISO; the same on every replay). */
  run?: { id: string; workflow_name: string; started_at: string };
  /** A compensation step: the failure it answers. */
  error?: { code: string; message: string };
}

/** Where a step runs: inside a DBOS workflow (the run's root or a child), as the run's user. */
export interface StepRunContext {
  run: { id: string; ownerId: string; workflowName: string };
  /** The run's user, with `via: 'workflow'`: tools act as them. */
  actor: UserActor;
  /** The step's path in the run (`each[3].clean`): the key of its row and of its waits. */
  path: string;
  /** The DBOS workflow executing this step (DBOS.workflowID): where messages for it are sent. */
  dbosWorkflowId: string;
  /**
   * The idempotency key of the step's act when it is not the DBOS step's own (`effectKey()`): a
   * pipeline item's steps run inside a DBOS step that holds several items, so each act is named by
   * the run and its path (`<workflow id>:items[3].tag`), the same whichever DBOS step runs it again.
   */
  effectKey?: string;
  scope: StepScope;
  deps: WorkflowDeps;
  /** Marks the step and the run waiting (and publishes workflow.run.waiting) before a durable wait. */
  markWaiting(waitingFor: 'approval' | 'event' | 'sleep', approvalId?: string): Promise<void>;
  /** Marks them running again once the wait is over. */
  markRunning(): Promise<void>;
}

/** A step's result: its output (JSON), and what a model step used. */
export interface StepResult {
  output: unknown;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /**
   * The user's step cache entry this result was read from (a hit): its key and when it was
   * written. A pipeline chunk's settle copies the output from that entry inside its statement
   * rather than sending it back (see run/step-ends.ts).
   */
  cacheEntry?: { key: string; createdAt: string };
}

/**
 * Runs one step of a single-action kind whose input is already resolved (expressions evaluated).
 * It runs in the workflow function itself: every durable act inside it must be a DBOS operation
 * (`DBOS.runStep`, `DBOS.sleep`, `DBOS.recv`, `DBOS.startWorkflow`), so a replay after a crash
 * returns recorded results instead of acting again. A failure throws (a DomainError for a clear code).
 */
export type StepKindRunner<K extends WorkflowStepShape['kind']> = (
  step: Extract<WorkflowStepShape, { kind: K }>,
  input: Record<string, unknown>,
  context: StepRunContext,
) => Promise<StepResult>;
