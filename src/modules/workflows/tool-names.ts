/** The workflow tools' names, for code that calls a tool by name (the built-in assistant). */
export const workflowToolNames = {
  list: 'list_workflows',
  get: 'get_workflow',
  run: 'run_workflow',
  getRun: 'get_workflow_run',
  listRuns: 'list_workflow_runs',
  listApprovals: 'list_approvals',
  answerApproval: 'answer_approval',
  runPipeline: 'run_pipeline',
} as const;

/** The prefix of a published workflow's own MCP tool: `workflow__<name>`. */
export const workflowToolPrefix = 'workflow__';

export type WorkflowToolName = (typeof workflowToolNames)[keyof typeof workflowToolNames];
