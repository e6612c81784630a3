import type { WorkflowDeps } from '../deps.js';

/** The user's inbox of approvals: list, read, answer. (To be built: the approvals part of issue 18.) */
export function createWorkflowApprovals(_deps: WorkflowDeps) {
  return {};
}
export type WorkflowApprovals = ReturnType<typeof createWorkflowApprovals>;
