import { z } from 'zod';
import { defineTool, type Tool } from '../../../tools/tool.js';
import { workflowRunSchema } from '../schema/runs.js';
import type { WorkflowService } from '../service.js';
import { workflowToolNames } from '../tool-names.js';

/** How long `run_pipeline` with `wait` waits for the end before giving the run as it is. */
const waitAtMostMs = 120_000;

/** `run_pipeline`: a pipeline over documents (ids, a search, a tag), texts, or a CSV/JSON document's rows. */
export function pipelineTools({ runs }: WorkflowService): Tool[] {
  return [
    defineTool({
      name: workflowToolNames.runPipeline,
      title: 'Run a pipeline',
      toolset: 'Workflows',
      description:
        "Runs one of the user's pipelines (a workflow of kind pipeline, e.g. a copy of the analyze-content template) over a set of items: documents by id, a search, a tag, pasted texts, or the rows of a CSV/JSON document (give exactly one). Items run a few at a time; a failing item does not stop the others. With wait, waits for the end (up to 2 minutes, reporting items done) and gives the run with its counts and report note id.",
      input: z.object({
        pipeline: z.string().min(1).max(200).describe('The pipeline workflow name or id'),
        document_ids: z.array(z.string().min(1).max(100)).min(1).max(10_000).optional(),
        query: z.string().trim().min(1).max(500).optional().describe('Your documents matching these words'),
        tag: z.string().trim().min(1).max(50).optional().describe('Your documents with this tag'),
        texts: z.array(z.string().max(1_000_000)).min(1).max(10_000).optional(),
        file: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .describe('A CSV or JSON document id: each row is an item'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .optional()
          .describe('At most this many items (default 1000)'),
        input: z
          .record(z.string(), z.unknown())
          .default({})
          .describe("The pipeline's own input, if it has one"),
        wait: z.boolean().default(false).describe('Wait for the end (up to 2 minutes)'),
      }),
      output: z.object({ run: workflowRunSchema }),
      async run(actor, { pipeline, input, wait, ...items }, { progress }) {
        const started = await runs.start(actor, {
          workflow: pipeline,
          input: { ...input, ...items },
          trigger: { kind: 'manual', surface: actor.via },
        });
        if (!wait) return { run: started };
        const run = await runs.waitForEnd(actor, started.id, {
          timeoutMs: waitAtMostMs,
          onStep: (done, total, message) => void progress(done, total, message).catch(() => {}),
        });
        return { run };
      },
      summarize: ({ run }) =>
        `Run ${run.id} of "${run.workflow_name}": ${run.status}${
          run.pipeline
            ? `, ${run.pipeline.done} done, ${run.pipeline.failed} failed of ${run.pipeline.total} items`
            : ''
        }${run.error ? ` (${run.error.code}: ${run.error.message})` : ''}`,
    }),
  ];
}
