import type { WorkflowDeps } from '../deps.js';

/**
 * Runs: start (manual, trigger, child), read with steps, list, cancel, resume, retry from the failed
 * step, re-run; the DBOS workflows that execute them (run/). (To be built: the runs part of issue 18.)
 */
export function createWorkflowRuns(_deps: WorkflowDeps) {
  return {};
}
export type WorkflowRuns = ReturnType<typeof createWorkflowRuns>;
