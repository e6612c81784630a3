import { type WorkflowToolName, workflowToolNames } from '../../workflows/index.js';
import { type ApprovalView, type RunView, runIn } from '../workflow-memory.js';
import type { WorkflowView } from '../workflow-names.js';
import type { Workflow } from '../../workflows/schema.js';
import { count, field, list, numbered, quoted, type ReplyFormatter } from './format.js';

/** One approval on a line: its workflow and what it asks. */
export const approvalLine = (approval: ApprovalView) =>
  `**${approval.workflow_name ?? 'A workflow'}** asks: ${quoted((approval.message ?? '').split('\n')[0] ?? '')} (id ${approval.id})`;

/** A run's output in a few lines: each top-level field, JSON for what is not text or a number. */
function outputLines(output: unknown): string {
  if (output === null || output === undefined) return '';
  if (typeof output !== 'object') return `\n\nOutput: ${String(output)}`;
  const lines = Object.entries(output).map(
    ([key, value]) =>
      `- ${key}: ${typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)}`,
  );
  return lines.length === 0 ? '' : `\n\nOutput:\n${lines.join('\n')}`;
}

/** Where a run is, in words: finished with its output, failed with the step and reason, waiting, or under way. */
export function runStatus(run: RunView): string {
  const name = `**${run.workflow_name ?? 'The workflow'}**`;
  const progress =
    run.steps_total !== undefined && run.steps_total > 0
      ? ` (${run.steps_done ?? 0} of ${count(run.steps_total, 'step')})`
      : '';
  switch (run.status) {
    case 'succeeded':
      return `${name} finished (run ${run.id})${progress}.${outputLines(run.output)}`;
    case 'failed': {
      const { error } = run;
      const where = error?.step_path ? ` at step ${error.step_path}` : '';
      return `${name} failed${where} (run ${run.id}): ${error?.message ?? 'no reason given'}${error?.code ? ` (${error.code})` : ''}.`;
    }
    case 'waiting':
      return `${name} is waiting (run ${run.id})${progress}. If it waits for your approval, say “what is waiting for me?”.`;
    case 'cancelled':
      return `${name} was cancelled (run ${run.id})${progress}.`;
    default:
      return `${name} is ${run.status ?? 'started'} (run ${run.id})${progress}. Say “what happened to the last run?” to see how it went.`;
  }
}

/** A run's failed steps, one a line. */
function failedSteps(run: RunView): string {
  const failed = (run.steps ?? []).filter((step) => step.status === 'failed');
  if (failed.length === 0) return '';
  const lines = failed.map(
    (step) =>
      `${step.path ?? '?'}: ${step.error?.message ?? 'failed'}${step.error?.code ? ` (${step.error.code})` : ''}`,
  );
  return `\n\nFailed steps:\n${lines.map((line) => `- ${line}`).join('\n')}`;
}

/** Replies to the workflow tools' results. */
export const workflowReplies: Record<WorkflowToolName, ReplyFormatter> = {
  [workflowToolNames.list]: ({ output }) => {
    const items = list<WorkflowView>(output, 'items');
    if (items.length === 0)
      return 'You have no workflows yet. Copy a template from the Workflows page to start.';
    const lines = items.map((item) => `**${item.name}**${item.description ? ` — ${item.description}` : ''}`);
    return `${count(items.length, 'workflow')}:\n\n${numbered(lines)}\n\nSay “run <name>” to start one.`;
  },
  [workflowToolNames.get]: ({ output }) => {
    const workflow = (output as { workflow?: WorkflowView & Partial<Pick<Workflow, 'version'>> } | undefined)
      ?.workflow;
    if (!workflow) return 'I could not read that workflow.';
    return `**${workflow.name}**${workflow.description ? ` — ${workflow.description}` : ''}${workflow.version ? ` (version ${workflow.version})` : ''}. Say “run ${workflow.name}” to start it.`;
  },
  [workflowToolNames.run]: ({ output }) => {
    const run = runIn(output);
    return run ? runStatus(run) : 'Started the workflow.';
  },
  [workflowToolNames.runPipeline]: ({ output }) => {
    const run = runIn(output);
    if (!run) return 'Started the pipeline.';
    const items = (field(run, 'pipeline') ?? undefined) as
      { total: number; done: number; failed: number } | undefined;
    const counts = items ? `\n\nItems: ${items.done} done, ${items.failed} failed, of ${items.total}.` : '';
    const failed =
      items && items.failed > 0
        ? ` Retry the failed ones alone with POST /api/v1/workflow-runs/${run.id}/retry-failed.`
        : '';
    return `${runStatus(run)}${counts}${failed}`;
  },
  [workflowToolNames.getRun]: ({ output }) => {
    const run = runIn(output);
    return run
      ? `${runStatus(run)}${run.status === 'failed' ? '' : failedSteps(run)}`
      : 'I could not read that run.';
  },
  [workflowToolNames.listRuns]: ({ output }) => {
    const runs = list(output, 'items').flatMap((item) => runIn(item) ?? []);
    if (runs.length === 0) return 'You have not run any workflow yet.';
    return numbered(runs.map(runStatus));
  },
  [workflowToolNames.listApprovals]: ({ output }) => {
    const items = list<ApprovalView>(output, 'items');
    if (items.length === 0) return 'Nothing is waiting for your approval.';
    if (items.length === 1 && items[0])
      return `1 approval is waiting for you:\n\n${approvalLine(items[0])}\n\nSay “approve it” or “refuse it”.`;
    return `${count(items.length, 'approval')} are waiting for you:\n\n${numbered(items.map(approvalLine))}\n\nSay “approve 1” or “refuse 2”.`;
  },
  [workflowToolNames.answerApproval]: ({ input, output }) => {
    const message = field<string>(field(output, 'approval') ?? output, 'message');
    const approved = input.approved === true;
    const what = message ? ` ${quoted(message.split('\n')[0] ?? '')}` : '';
    return approved
      ? `Approved${what}. The run goes on.`
      : `Refused${what}. The run goes on without it (a refusal is an answer, not a failure).`;
  },
};
