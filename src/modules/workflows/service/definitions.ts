import type { WorkflowDeps } from '../deps.js';

/**
 * Workflow documents: create, read, list, update (a new version each time), versions, restore,
 * delete, share, import (JSON or YAML), copy a template, validate.
 * (To be built: the definitions part of issue 18.)
 */
export function createWorkflowDefinitions(_deps: WorkflowDeps) {
  return {};
}
export type WorkflowDefinitions = ReturnType<typeof createWorkflowDefinitions>;
