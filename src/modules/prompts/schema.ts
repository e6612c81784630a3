import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');

const argumentName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'use letters, digits and _ (starting with a letter or _)');

export const promptArgumentSchema = z.object({
  name: argumentName,
  description: z.string().max(500).optional(),
  required: z.boolean().default(false),
  default: z.string().max(10_000).optional().describe('Used when the argument is not given'),
  enum: z.array(z.string().max(200)).min(1).max(100).optional().describe('The only values allowed'),
});
export type PromptArgument = z.infer<typeof promptArgumentSchema>;

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use lowercase letters, digits, - and _ (up to 64)')
  .describe('How clients ask for it, unique among your prompts');

const content = {
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2_000).optional(),
  template: z.string().min(1).max(100_000).describe('Mustache: {{argument}}, {{#argument}}…{{/argument}}'),
  arguments: z.array(promptArgumentSchema).max(50).default([]),
};

export const createPromptInputSchema = z.object({
  name,
  ...content,
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  visibility: z.enum(['private', 'shared']).default('private'),
});
export type CreatePromptInput = z.input<typeof createPromptInputSchema>;

export const updatePromptInputSchema = z
  .object({
    name: name.optional(),
    title: content.title.nullable(),
    description: content.description.nullable(),
    template: content.template.optional(),
    arguments: z.array(promptArgumentSchema).max(50).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    visibility: z.enum(['private', 'shared']).optional(),
  })
  .partial({ title: true, description: true })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  });
export type UpdatePromptInput = z.input<typeof updatePromptInputSchema>;

export const listPromptsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Words in the name, title, description or template'),
  tag: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListPromptsQuery = z.input<typeof listPromptsQuerySchema>;

export const renderInputSchema = z.object({ arguments: z.record(z.string(), z.string()).default({}) });

export const promptSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    template: z.string(),
    arguments: z.array(promptArgumentSchema),
    tags: z.array(z.string()),
    visibility: z.enum(['private', 'shared']),
    version: z.number().int(),
    use_count: z.number().int().describe('How many times it has been rendered'),
    mine: z.boolean().describe('True when you own it (only owners change prompts)'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Prompt' });
export type Prompt = z.infer<typeof promptSchema>;

export const promptPageSchema = z.object({
  items: z.array(promptSchema),
  next_cursor: z.string().nullable(),
});
export type PromptPage = z.infer<typeof promptPageSchema>;

export const promptVersionSchema = z
  .object({
    version: z.number().int(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    template: z.string(),
    arguments: z.array(promptArgumentSchema),
    created_at: timestamp,
  })
  .meta({ id: 'PromptVersion' });
export type PromptVersion = z.infer<typeof promptVersionSchema>;

export const renderedPromptSchema = z.object({ text: z.string() });
export type RenderedPrompt = z.infer<typeof renderedPromptSchema>;

export const promptDiffSchema = z.object({ diff: z.string().describe('A unified diff of the templates') });
export type PromptDiff = z.infer<typeof promptDiffSchema>;
