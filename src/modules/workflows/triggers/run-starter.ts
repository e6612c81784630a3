import type { UserActor } from '../../../actor.js';
import type { RunTrigger } from '../table.js';
import type { WorkflowRuns } from '../service/runs.js';

/** A run as the triggers read it back (the runs part's WorkflowRunView has at least these). */
export interface TriggeredRun {
  id: string;
  status: string;
  output?: unknown;
  error?: { code: string; message: string; step_path?: string } | null;
  steps_done?: number;
  steps_total?: number;
}

/**
 * The part of `service.runs` the triggers use (the contract in the workflows design): start a run
 * as an actor with a deterministic id (starting an existing id returns that run, never a second
 * one), and wait for it to end or pause.
 */
export interface RunStarter {
  start(
    actor: UserActor,
    request: { workflow: string; input?: Record<string, unknown>; trigger: RunTrigger; runId?: string },
  ): Promise<TriggeredRun>;
  waitForEnd(
    actor: UserActor,
    runId: string,
    options: { timeoutMs: number; onStep?: (done: number, total: number, message: string) => void },
  ): Promise<TriggeredRun>;
}

/** The runs service seen through the contract (typed loosely until the runs part's service lands). */
export function runStarter(runs: WorkflowRuns): RunStarter {
  return runs as unknown as RunStarter;
}
