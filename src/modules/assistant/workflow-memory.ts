import { workflowToolNames } from '../workflows/index.js';
import type {
  ApprovalView as ServerApprovalView,
  WorkflowRunStepView,
  WorkflowRunView,
} from '../workflows/schema.js';
import type { ToolOutcome, Turn } from './conversation.js';
import { field, list } from './task-view.js';

/** An approval as list_approvals shows it: the server's type, the fields the assistant uses. */
export type ApprovalView = Pick<ServerApprovalView, 'id' | 'message' | 'workflow_name' | 'run_id'>;

/** A run as the run tools return it: the server's types, the fields the assistant uses (steps only in get_workflow_run). */
export type RunView = Pick<
  WorkflowRunView,
  'id' | 'workflow_name' | 'status' | 'output' | 'error' | 'steps_done' | 'steps_total'
> & { readonly steps?: readonly Pick<WorkflowRunStepView, 'path' | 'status' | 'error'>[] };

const succeeded = (outcome: ToolOutcome) => outcome.result?.kind === 'output';
const valueOf = (outcome: ToolOutcome) =>
  outcome.result?.kind === 'output' ? outcome.result.value : undefined;
const isApproval = (value: unknown): value is ApprovalView => typeof field(value, 'id') === 'string';

/** The run a run tool answered with: `{ run }` or the run itself. */
export function runIn(output: unknown): RunView | undefined {
  const run = field(output, 'run') ?? output;
  return typeof field(run, 'id') === 'string' ? (run as RunView) : undefined;
}

/**
 * The approvals the conversation showed last (the newest turn that listed some), without those it
 * answered since: what "approve it" points at. Read from the history alone, like the tasks' "it".
 */
export function approvalsInFocus(turns: readonly Turn[]): ApprovalView[] {
  const answered = new Set<string>();
  for (const turn of [...turns].reverse()) {
    const outcomes = turn.outcomes.filter(succeeded);
    for (const outcome of outcomes)
      if (outcome.toolName === workflowToolNames.answerApproval)
        answered.add(String(outcome.input.approval_id));
    const listed = outcomes.findLast((outcome) => outcome.toolName === workflowToolNames.listApprovals);
    if (listed)
      return list(valueOf(listed), 'items')
        .filter(isApproval)
        .filter((item) => !answered.has(item.id));
  }
  return [];
}

/** The newest run the conversation started or showed: what "the last run" points at. */
export function lastRunShown(turns: readonly Turn[]): RunView | undefined {
  const runTools: ReadonlySet<string> = new Set([workflowToolNames.run, workflowToolNames.getRun]);
  for (const turn of [...turns].reverse())
    for (const outcome of [...turn.outcomes].reverse()) {
      if (!succeeded(outcome)) continue;
      if (runTools.has(outcome.toolName)) {
        const run = runIn(valueOf(outcome));
        if (run) return run;
      }
      if (outcome.toolName === workflowToolNames.listRuns) {
        const [first] = list<RunView>(valueOf(outcome), 'items');
        if (first) return first;
      }
    }
  return undefined;
}
