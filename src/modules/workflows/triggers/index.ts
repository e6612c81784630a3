import type { WorkflowDeps } from '../deps.js';
import type { WorkflowDefinitions } from '../service/definitions.js';
import type { WorkflowRuns } from '../service/runs.js';

/**
 * Starts runs from outside: schedules (DBOS schedules, once across instances), bus events and
 * webhooks. (To be built: the triggers part of issue 18.)
 */
export function createWorkflowTriggers(
  _deps: WorkflowDeps,
  _parts: { definitions: WorkflowDefinitions; runs: WorkflowRuns },
) {
  return {};
}
export type WorkflowTriggers = ReturnType<typeof createWorkflowTriggers>;
