import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');

export const resourceKinds = ['text', 'file', 'url'] as const;
export const visibilities = ['private', 'shared'] as const;
/** The types a note written in the app may have. */
export const noteTypes = ['text/markdown', 'text/plain'] as const;

const name = z.string().trim().min(1).max(255);
const description = z.string().max(2_000);
const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16_384, 'metadata is limited to 16 KB of JSON')
  .describe('Your own key/value data, up to 16 KB of JSON');

const shared = {
  description: description.optional(),
  tags: tags.default([]),
  visibility: z.enum(visibilities).default('private'),
  metadata: metadata.default({}),
};

export const createResourceInputSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('text'),
      name,
      content: z.string().describe('The note itself'),
      mime_type: z.enum(noteTypes).default('text/markdown'),
      ...shared,
    }),
    z.object({
      kind: z.literal('url'),
      url: z.url({ protocol: /^https?$/ }).describe('A web page or file to fetch (and refresh later)'),
      name: name.optional().describe('Defaults to the page title or the URL'),
      ...shared,
    }),
  ])
  .meta({ id: 'CreateResourceInput' });
export type CreateResourceInput = z.input<typeof createResourceInputSchema>;

/** The fields that come with an uploaded file (as multipart fields beside it). */
export const uploadFieldsSchema = z.object({
  name: name.optional().describe('Defaults to the file name'),
  description: description.optional(),
  tags: tags.default([]),
  visibility: z.enum(visibilities).default('private'),
  metadata: metadata.default({}),
});
export type UploadFields = z.input<typeof uploadFieldsSchema>;

export const updateResourceInputSchema = z
  .object({
    name: name.optional(),
    description: description.nullable().optional(),
    tags: tags.optional(),
    visibility: z.enum(visibilities).optional(),
    metadata: metadata.optional(),
    content: z
      .string()
      .optional()
      .describe('New content of a note (kind text only); keeps the previous version'),
    mime_type: z.enum(noteTypes).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  })
  .meta({ id: 'UpdateResourceInput' });
export type UpdateResourceInput = z.input<typeof updateResourceInputSchema>;

export const listResourcesQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('Words to search for; results come best match first'),
  kind: z.enum(resourceKinds).optional(),
  tag: z.string().min(1).max(50).optional(),
  scope: z
    .enum(['all', 'mine', 'shared'])
    .default('all')
    .describe('all: yours and the shared ones; mine: yours; shared: others’ shared ones'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListResourcesQuery = z.input<typeof listResourcesQuerySchema>;

export const resourceSchema = z
  .object({
    id: z.string(),
    uri: z.string().describe('Its MCP resource URI'),
    kind: z.enum(resourceKinds),
    name: z.string(),
    description: z.string().nullable(),
    mime_type: z.string(),
    visibility: z.enum(visibilities),
    tags: z.array(z.string()),
    metadata: z.record(z.string(), z.unknown()),
    filename: z.string().nullable(),
    source_url: z.string().nullable(),
    size_bytes: z.number().int().describe('Size of the content (the file, the page, the note)'),
    version: z.number().int(),
    mine: z.boolean().describe('True when you own it (only owners change resources)'),
    fetched_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Resource' });
export type Resource = z.infer<typeof resourceSchema>;

export const resourceWithTextSchema = resourceSchema
  .extend({ text: z.string().describe('The note, or the text extracted from the file or page') })
  .meta({ id: 'ResourceWithText' });
export type ResourceWithText = z.infer<typeof resourceWithTextSchema>;

export const resourceMatchSchema = resourceSchema
  .extend({
    snippet: z.string().describe('The best matching passage, matches between « and »'),
    rank: z.number(),
  })
  .meta({ id: 'ResourceMatch' });
export type ResourceMatch = z.infer<typeof resourceMatchSchema>;

export const resourcePageSchema = z.object({
  items: z.array(resourceMatchSchema.partial({ snippet: true, rank: true })),
  next_cursor: z.string().nullable(),
});
export type ResourcePage = z.infer<typeof resourcePageSchema>;

export const resourceVersionSchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    mime_type: z.string(),
    size_bytes: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: 'ResourceVersion' });
export type ResourceVersion = z.infer<typeof resourceVersionSchema>;

export const resourceVersionWithTextSchema = resourceVersionSchema
  .extend({ text: z.string() })
  .meta({ id: 'ResourceVersionWithText' });
export type ResourceVersionWithText = z.infer<typeof resourceVersionWithTextSchema>;

export const resourceStatsSchema = z
  .object({
    mine: z.object({
      total: z.number().int(),
      by_kind: z.record(z.enum(resourceKinds), z.number().int()),
      shared: z.number().int().describe('How many of yours are shared'),
      bytes: z.number().int(),
      versions: z.number().int().describe('Earlier versions kept of your resources'),
    }),
    shared_with_me: z.number().int().describe('Others’ shared resources you can read'),
  })
  .meta({ id: 'ResourceStats' });
export type ResourceStats = z.infer<typeof resourceStatsSchema>;
