/**
 * The workflows module's wire shapes, imported type-only from the server's zod schemas, in one
 * place for the workflow pages.
 */
import type {
  AnswerApprovalBody,
  ApprovalPage,
  ApprovalView,
  ImportedWorkflow,
  StepKind,
  Workflow,
  WorkflowDefinition,
  WorkflowPage,
  WorkflowRunDetail as ServerRunDetail,
  WorkflowRunPage,
  WorkflowRunStepView,
  WorkflowRunView,
  WorkflowStepShape,
  WorkflowTemplateView,
  WorkflowVersion,
} from '@server/modules/workflows/schema';

export type {
  AnswerApprovalBody,
  ApprovalPage,
  ApprovalView,
  ImportedWorkflow,
  StepKind,
  WorkflowDefinition,
  WorkflowPage,
  WorkflowRunPage,
  WorkflowRunStepView,
  WorkflowRunView,
  WorkflowVersion,
};
export type WorkflowStep = WorkflowStepShape;
export type RunStatus = WorkflowRunView['status'];
export type StepStatus = WorkflowRunStepView['status'];
/** A workflow as /api/v1/workflows answers it. */
export type WorkflowSummary = Workflow;
/** A built-in template, copied into your workflows to change and run. */
export type WorkflowTemplate = WorkflowTemplateView;

/**
 * GET /api/v1/workflow-runs/{id}: the run with its steps. `definition` (the copy the run row keeps)
 * is not on the wire yet; until it is, the page reads the version the run names from the workflow.
 */
export type WorkflowRunDetail = ServerRunDetail & { definition?: WorkflowDefinition };
