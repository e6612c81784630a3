import { StepFailedError } from './errors.js';
import { workflowToolNames, workflowToolPrefix } from './tool-names.js';

const workflowTools = new Set<string>(Object.values(workflowToolNames));

/**
 * Why a `tool` step may not call `name`, or undefined when it may. The workflow tools stay out of
 * reach of a workflow: `run_workflow` from a step starts a run outside the step's record (a `workflow`
 * step is the durable way), and `list_approvals` + `answer_approval` would let a shared workflow,
 * run by someone else, approve that person's other approvals (an `approval` step asks a person).
 * The same goes for the published `workflow__<name>` tools.
 */
export function toolStepRefusal(name: string): string | undefined {
  if (name.startsWith(workflowToolPrefix))
    return `a tool step cannot call the workflow tool "${name}": use a \`workflow\` step to run another workflow`;
  if (!workflowTools.has(name)) return undefined;
  if (name === workflowToolNames.listApprovals || name === workflowToolNames.answerApproval)
    return `a tool step cannot call "${name}": approvals are answered by people; use an \`approval\` step to ask one`;
  return `a tool step cannot call the workflow tool "${name}": use a \`workflow\` step to run another workflow`;
}

/** The run's guard (defence in depth: validation refuses these first): fails the step with TOOL_NOT_ALLOWED. */
export function assertToolStepAllowed(name: string): void {
  const refusal = toolStepRefusal(name);
  if (refusal)
    throw new StepFailedError('TOOL_NOT_ALLOWED', refusal.charAt(0).toUpperCase() + refusal.slice(1));
}
