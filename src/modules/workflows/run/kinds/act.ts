import type { WorkflowStepShape } from '../../definition.js';
import type { StepResult, StepRunContext } from '../step-kind.js';

/**
 * Runs one act of a single-action kind that has no durable wait in it (tool, prompt, model). The
 * executor calls it inside a `DBOS.runStep`, so its result is recorded and a replay does not act
 * again; `signal` fires on the step's timeout. A failure throws (a DomainError for a clear code).
 */
export type ActRunner<K extends WorkflowStepShape['kind']> = (
  step: Extract<WorkflowStepShape, { kind: K }>,
  input: Record<string, unknown>,
  context: StepRunContext,
  signal: AbortSignal,
) => Promise<StepResult>;
