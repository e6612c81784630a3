import type { WorkflowDeps } from './deps.js';
import { createWorkflowApprovals } from './service/approvals.js';
import { createWorkflowDefinitions } from './service/definitions.js';
import { createEventWaits } from './service/event-waits.js';
import { createWorkflowRuns } from './service/runs.js';
import { createWaitingOwners } from './service/waiting-owners.js';
import { createWorkflowTriggers } from './triggers/index.js';

/**
 * The workflows module: definitions, runs on the durable engine, approvals and triggers. Built
 * before the engine launches (the runs register their DBOS workflows while built).
 */
export function createWorkflowService(outside: Omit<WorkflowDeps, 'waitingOwners'>) {
  const deps: WorkflowDeps = { ...outside, waitingOwners: createWaitingOwners() };
  const definitions = createWorkflowDefinitions(deps);
  const runs = createWorkflowRuns(deps, { definitions });
  const approvals = createWorkflowApprovals(deps);
  const triggers = createWorkflowTriggers(deps, { definitions, runs });
  // Matches bus events to waiting wait_event steps while the engine runs (stops with the bus).
  createEventWaits(deps);
  return { definitions, runs, approvals, triggers, waitingOwners: deps.waitingOwners };
}
export type WorkflowService = ReturnType<typeof createWorkflowService>;
