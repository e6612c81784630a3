/**
 * The workflows module's wire shapes, imported type-only from the server's zod schemas. One place
 * for the workflow pages to take them from, so that when the module's `schema.ts` re-exports an
 * area (runs, approvals, definitions), only these lines change.
 */
import type {
  AnswerApprovalBody,
  ApprovalPage,
  ApprovalView,
  StepKind,
  WorkflowDefinition,
  WorkflowStepShape,
} from '@server/modules/workflows/schema';
import type {
  WorkflowRunDetail as ServerRunDetail,
  WorkflowRunPage,
  WorkflowRunStepView,
  WorkflowRunView,
} from '@server/modules/workflows/schema/runs';

export type {
  AnswerApprovalBody,
  ApprovalPage,
  ApprovalView,
  StepKind,
  WorkflowDefinition,
  WorkflowRunPage,
  WorkflowRunStepView,
  WorkflowRunView,
};
export type WorkflowStep = WorkflowStepShape;
export type RunStatus = WorkflowRunView['status'];
export type StepStatus = WorkflowRunStepView['status'];

/**
 * GET /api/v1/workflow-runs/{id}: the run with its steps and the definition that ran (the run row
 * keeps a copy). `definition` is optional here until the runs part puts it on the detail schema;
 * without it the page reads the version from the workflow.
 */
export type WorkflowRunDetail = ServerRunDetail & { definition?: WorkflowDefinition };

/**
 * A workflow as /api/v1/workflows answers it: the fields the pages read. Written here only until
 * the definitions part's `schema/workflows.ts` (on branch defs) lands on main; then these become
 * its `Workflow`, `WorkflowPage`, `WorkflowVersion`, `WorkflowTemplateView` and `ImportedWorkflow`.
 */
export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  definition: WorkflowDefinition;
  version: number;
  is_owner: boolean;
  last_run: { id: string; status: RunStatus; at: string } | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowPage {
  items: WorkflowSummary[];
  next_cursor: string | null;
}

export interface WorkflowVersion {
  version: number;
  definition: WorkflowDefinition;
  created_at: string;
}

export interface WorkflowTemplate {
  id: string;
  title: string;
  description: string;
  definition: WorkflowDefinition;
}

export interface ImportedWorkflow {
  workflow: WorkflowSummary;
  created: boolean;
}
