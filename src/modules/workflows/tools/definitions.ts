import { z } from 'zod';
import { defineTool, type Tool } from '../../../tools/tool.js';
import {
  lastRunSchema,
  listWorkflowsQuerySchema,
  type Workflow,
  workflowSchema,
} from '../schema/workflows.js';
import type { WorkflowDefinitions } from '../service/definitions.js';
import { workflowToolNames } from '../tool-names.js';

/** What a model needs to pick a workflow and start it: no steps, but the input it takes. */
const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  input_schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the input run_workflow takes'),
  is_owner: z.boolean(),
  visibility: z.enum(['private', 'shared']),
  last_run: lastRunSchema.nullable(),
});

const summarize = (workflow: Workflow): z.infer<typeof workflowSummarySchema> => ({
  id: workflow.id,
  name: workflow.name,
  description: workflow.description,
  input_schema: workflow.definition.input_schema,
  is_owner: workflow.is_owner,
  visibility: workflow.visibility,
  last_run: workflow.last_run,
});

const describe = (workflow: { name: string; description: string; last_run: Workflow['last_run'] }) =>
  `- ${workflow.name}${workflow.description ? `: ${workflow.description}` : ''}${workflow.last_run ? ` (last run ${workflow.last_run.status})` : ''}`;

/** The definition tools: list the workflows the user may run, read one. */
export function workflowDefinitionTools(definitions: WorkflowDefinitions): Tool[] {
  return [
    defineTool({
      name: workflowToolNames.list,
      title: 'List workflows',
      toolset: 'Workflows',
      description:
        'Lists the workflows the user may run — their own and the shared ones, newest first — with the input each takes (a JSON Schema) and how its last run went. q searches names and descriptions; mine: true keeps only the user’s own. Pass next_cursor back as cursor for the next page.',
      input: listWorkflowsQuerySchema,
      output: z.object({ items: z.array(workflowSummarySchema), next_cursor: z.string().nullable() }),
      readOnly: true,
      run: async (actor, input) => {
        const page = await definitions.list(actor, input);
        return { items: page.items.map(summarize), next_cursor: page.next_cursor };
      },
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'No workflows.'
          : `${items.map(describe).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
    defineTool({
      name: workflowToolNames.get,
      title: 'Read a workflow',
      toolset: 'Workflows',
      description:
        'Reads one workflow the user may run (their own or a shared one), by id or name: its whole definition (steps, input schema, triggers), version and sharing.',
      input: z.object({ workflow: z.string().min(1).max(200).describe('The workflow’s id or name') }),
      output: z.object({ workflow: workflowSchema }),
      readOnly: true,
      run: async (actor, { workflow }) => ({ workflow: await definitions.get(actor, workflow) }),
      summarize: ({ workflow }) =>
        `${workflow.name} (version ${workflow.version}, ${workflow.definition.steps.length} top-level steps)${workflow.description ? `: ${workflow.description}` : ''}`,
    }),
  ];
}
