import type { WorkflowRunView } from '../schema/runs.js';
import type { WorkflowRuns } from '../service/runs.js';

/** The part of `service.runs` the triggers use: start a run as an actor under a run id, and wait for it. */
export type RunStarter = Pick<WorkflowRuns, 'start' | 'waitForEnd'>;

/** A run as the triggers read it back. */
export type TriggeredRun = Pick<WorkflowRunView, 'id' | 'status'> & Partial<WorkflowRunView>;
