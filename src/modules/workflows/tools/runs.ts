import { z } from 'zod';
import { defineTool, type Tool } from '../../../tools/tool.js';
import {
  listWorkflowRunsInputSchema,
  type WorkflowRunView,
  workflowRunDetailSchema,
  workflowRunPageSchema,
  workflowRunSchema,
} from '../schema/runs.js';
import type { WorkflowService } from '../service.js';
import { workflowToolNames } from '../tool-names.js';

/** How long `run_workflow` with `wait` waits for the end before giving the run as it is. */
const waitAtMostMs = 120_000;

const describeRun = (run: WorkflowRunView) =>
  `Run ${run.id} of "${run.workflow_name}": ${run.status}${run.error ? ` (${run.error.code}: ${run.error.message})` : ''}, ${run.steps_done} of ${run.steps_total} steps`;

/** The run tools: start a run (waiting with progress if asked), read one, list them. */
export function workflowRunTools({ runs }: WorkflowService): Tool[] {
  return [
    defineTool({
      name: workflowToolNames.run,
      title: 'Run a workflow',
      toolset: 'Workflows',
      description:
        "Starts a run of one of the user's workflows (or a shared one), by name or id, with its input. With wait, waits for the end (up to 2 minutes, reporting progress per step) and gives the finished run with its output; otherwise gives the started run: read it later with get_workflow_run.",
      input: z.object({
        workflow: z.string().min(1).max(200).describe('The workflow name or id'),
        input: z
          .record(z.string(), z.unknown())
          .default({})
          .describe("The run input, as the workflow's input_schema says"),
        wait: z.boolean().default(false).describe('Wait for the end (up to 2 minutes)'),
      }),
      output: z.object({ run: workflowRunSchema }),
      async run(actor, { workflow, input, wait }, { progress }) {
        const started = await runs.start(actor, {
          workflow,
          input,
          trigger: { kind: 'manual', surface: actor.via },
        });
        if (!wait) return { run: started };
        const run = await runs.waitForEnd(actor, started.id, {
          timeoutMs: waitAtMostMs,
          onStep: (done, total, message) => void progress(done, total, message).catch(() => {}),
        });
        return { run };
      },
      summarize: ({ run }) => describeRun(run),
    }),
    defineTool({
      name: workflowToolNames.getRun,
      title: 'Get a workflow run',
      toolset: 'Workflows',
      description:
        "One of the user's workflow runs with its steps: status, output, errors, attempts and times.",
      input: z.object({
        run_id: z
          .string()
          .min(1)
          .max(300)
          .describe('The run id, as run_workflow or list_workflow_runs gave it'),
      }),
      output: z.object({ run: workflowRunDetailSchema }),
      readOnly: true,
      run: async (actor, { run_id }) => ({ run: await runs.get(actor, run_id) }),
      summarize: ({ run }) =>
        [
          describeRun(run),
          ...run.steps.map(
            (step) => `- ${step.path}: ${step.status}${step.error ? ` (${step.error.code})` : ''}`,
          ),
        ].join('\n'),
    }),
    defineTool({
      name: workflowToolNames.listRuns,
      title: 'List workflow runs',
      toolset: 'Workflows',
      description:
        "The user's workflow runs, newest first, optionally only those with a status, of one workflow, or in a time range. Pass next_cursor back as cursor for the next page.",
      input: listWorkflowRunsInputSchema,
      output: workflowRunPageSchema,
      readOnly: true,
      run: (actor, query) => runs.list(actor, query),
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'No workflow runs.'
          : `${items.map((run) => `- ${describeRun(run)}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
  ];
}
