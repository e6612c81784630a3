import type { WorkflowDefinitionInput } from '../definition.js';

/** A built-in workflow users copy into their own. */
export interface WorkflowTemplate {
  /** Stable id: `daily-task-digest`. */
  id: string;
  title: string;
  description: string;
  definition: WorkflowDefinitionInput;
}
