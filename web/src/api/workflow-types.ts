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
  WorkflowRunDetail,
  WorkflowRunPage,
  WorkflowRunStepView,
  WorkflowRunView,
  WorkflowStepShape,
  WorkflowTemplateView,
  WorkflowVersion,
} from '@server/modules/workflows/schema';
import type { PipelineItemPage } from '@server/modules/workflows/schema/pipelines';
import type { WorkflowPerformance } from '@server/modules/workflows/service/performance';

export type {
  AnswerApprovalBody,
  PipelineItemPage,
  WorkflowPerformance,
  ApprovalPage,
  ApprovalView,
  ImportedWorkflow,
  StepKind,
  WorkflowDefinition,
  WorkflowPage,
  WorkflowRunDetail,
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
