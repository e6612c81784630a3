import { z } from 'zod';
import { pageSize } from '../../../db/page-size.js';
import { workflowDefinitionSchema } from '../definition.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');

const visibility = z.enum(['private', 'shared']);

/** The caller's own last run of a workflow (another user's runs of a shared one are never shown). */
export const lastRunSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled']),
  at: timestamp.describe('When it was started'),
});

export const workflowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    definition: workflowDefinitionSchema,
    version: z.number().int().describe('The current version; every save makes a new one'),
    visibility: visibility.describe(
      'shared: every user may read, copy and run it; only its owner changes it',
    ),
    published: z.boolean().describe('Offered to its owner as the MCP tool workflow__<name>'),
    is_owner: z.boolean().describe('True when you own it (only owners change workflows)'),
    template: z.string().nullable().describe('The template it was copied from'),
    last_run: lastRunSchema.nullable().describe('Your last run of it'),
    next_run_at: timestamp.nullable().describe('When a schedule runs it next'),
    plan: z
      .array(z.array(z.string()))
      .describe(
        'The waves its top-level steps run in: the steps of a wave run at once (needs derived from the expressions where not given)',
      ),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Workflow' });
export type Workflow = z.infer<typeof workflowSchema>;

export const workflowPageSchema = z.object({
  items: z.array(workflowSchema),
  next_cursor: z.string().nullable(),
});
export type WorkflowPage = z.infer<typeof workflowPageSchema>;

export const listWorkflowsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Words in the name or description'),
  mine: z
    .union([z.boolean(), z.stringbool()])
    .optional()
    .describe('true: only yours; false: only others’ shared ones'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListWorkflowsQuery = z.input<typeof listWorkflowsQuerySchema>;

export const workflowSettingsInputSchema = z
  .object({ visibility: visibility.optional(), published: z.boolean().optional() })
  .refine((input) => input.visibility !== undefined || input.published !== undefined, {
    message: 'Give visibility or published',
  });
export type WorkflowSettingsInput = z.input<typeof workflowSettingsInputSchema>;

export const workflowVersionSchema = z
  .object({
    version: z.number().int(),
    definition: workflowDefinitionSchema,
    created_at: timestamp,
  })
  .meta({ id: 'WorkflowVersion' });
export type WorkflowVersion = z.infer<typeof workflowVersionSchema>;

export const documentFormatSchema = z.enum(['json', 'yaml']);
export type DocumentFormat = z.infer<typeof documentFormatSchema>;

export const importWorkflowInputSchema = z.object({
  document: z
    .union([z.string().min(1).max(1_000_000), z.record(z.string(), z.unknown())])
    .describe('The definition: JSON or YAML text, or the JSON object itself'),
  format: documentFormatSchema
    .optional()
    .describe('Read as this; by default JSON when it parses as JSON, else YAML'),
  replace: z
    .boolean()
    .default(false)
    .describe('If you have a workflow of that name, save this as its new version'),
});
export type ImportWorkflowInput = z.input<typeof importWorkflowInputSchema>;

export const importedWorkflowSchema = z.object({
  workflow: workflowSchema,
  created: z.boolean().describe('False when an existing workflow got a new version'),
});
export type ImportedWorkflow = z.infer<typeof importedWorkflowSchema>;

export const exportQuerySchema = z.object({ format: documentFormatSchema.default('json') });

export const exportedWorkflowSchema = z.object({
  name: z.string(),
  format: documentFormatSchema,
  document: z.string().describe('The definition as text, ready to import'),
});
export type ExportedWorkflow = z.infer<typeof exportedWorkflowSchema>;

export const copyWorkflowInputSchema = z.object({
  name: workflowDefinitionSchema.shape.name
    .optional()
    .describe('The copy’s name; by default the original’s, made free'),
});
export type CopyWorkflowInput = z.input<typeof copyWorkflowInputSchema>;

export const validationResultSchema = z.object({ valid: z.literal(true) });

export const workflowTemplateSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    definition: workflowDefinitionSchema,
  })
  .meta({ id: 'WorkflowTemplate' });
export type WorkflowTemplateView = z.infer<typeof workflowTemplateSchema>;
