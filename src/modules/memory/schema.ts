import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

/** The longest memory: a fact, not a document. */
export const memoryTextLimit = 2000;

const memoryId = z
  .string()
  .min(1)
  .max(100)
  .describe('The memory id, as remember or list_memories returned it');
const text = z
  .string()
  .trim()
  .min(1)
  .max(memoryTextLimit)
  .describe('The fact to keep, in a short sentence ("My manager is Dana"); at most 2000 characters');
const tags = z.array(z.string().trim().min(1).max(50)).max(20).describe('Labels to group and filter by');
const importance = z.number().int().min(1).max(5).describe('1 (trivia) to 5 (never forget); 3 by default');
export const memoryScopes = ['user', 'agent', 'team'] as const;
const scope = z
  .enum(memoryScopes)
  .describe('Whose memory: the user’s own (default), or one of their agents’ or teams’ (give scope_id)');
const scopeId = z
  .string()
  .min(1)
  .max(100)
  .describe('The agent’s or team’s id; for user, your own id (the default)');
const source = z
  .object({
    kind: z.enum(['message', 'document', 'run', 'manual']),
    id: z.string().min(1).max(200).optional().describe('The message, document or run it came from'),
  })
  .describe('Where the fact came from; manual (written by hand) by default');

export const rememberInputSchema = z.object({
  text,
  scope: scope.default('user'),
  scope_id: scopeId.optional(),
  tags: tags.default([]),
  importance: importance.default(3),
  source: source.default({ kind: 'manual' }),
});
export type RememberInput = z.input<typeof rememberInputSchema>;

const scopeFilter = { scope: scope.default('user'), scope_id: scopeId.optional() };

export const listMemoriesInputSchema = z.object({
  ...scopeFilter,
  status: z
    .enum(['active', 'archived', 'all'])
    .default('active')
    .describe('active (the default), archived, or all'),
  tag: z.string().min(1).optional().describe('Only memories with this tag'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type ListMemoriesInput = z.input<typeof listMemoriesInputSchema>;

export const searchMemoriesInputSchema = z.object({
  ...scopeFilter,
  query: z.string().trim().min(1).max(1000).describe('What to recall, in words ("who is my manager?")'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  include_archived: z
    .union([z.boolean(), z.stringbool()])
    .default(false)
    .describe('Search archived memories too'),
});
export type SearchMemoriesInput = z.input<typeof searchMemoriesInputSchema>;

export const memoryIdInputSchema = z.object({ memory_id: memoryId });
export type MemoryIdInput = z.input<typeof memoryIdInputSchema>;

const nothingToChange = { message: 'Give at least one field to change' };
/** The REST body of PATCH /api/v1/memories/{id}. */
export const updateMemoryFieldsSchema = z
  .object({ text: text.optional(), tags: tags.optional(), importance: importance.optional() })
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), nothingToChange);
export type UpdateMemoryFields = z.input<typeof updateMemoryFieldsSchema>;

export const analyticsInputSchema = z.object({
  ...scopeFilter,
  days: z.coerce.number().int().min(1).max(365).default(30).describe('How many days of growth and recalls'),
});
export type AnalyticsInput = z.input<typeof analyticsInputSchema>;

export const compressConversationInputSchema = z.object({
  conversation_id: z.string().min(1).max(100).describe('The conversation to keep as one summary memory'),
  ...scopeFilter,
  tags: tags.default([]),
});
export type CompressConversationInput = z.input<typeof compressConversationInputSchema>;

export const mergeInputSchema = z.object(scopeFilter);
export type MergeInput = z.input<typeof mergeInputSchema>;

export const memorySchema = z
  .object({
    id: z.string(),
    scope: z.enum(memoryScopes),
    scope_id: z.string(),
    text: z.string(),
    source: z.object({ kind: z.enum(['message', 'document', 'run', 'manual']), id: z.string().nullable() }),
    tags: z.array(z.string()),
    importance: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
    last_used_at: z.string().nullable(),
    used_count: z.number().int(),
    archived_at: z.string().nullable(),
  })
  .meta({ id: 'Memory' });
export type Memory = z.infer<typeof memorySchema>;

export const memoryPageSchema = z.object({
  items: z.array(memorySchema),
  next_cursor: z.string().nullable(),
});
export type MemoryPage = z.infer<typeof memoryPageSchema>;

export const scoredMemorySchema = memorySchema.extend({
  score: z.number().describe('Higher is more relevant; comparable within one answer only'),
});
export type ScoredMemory = z.infer<typeof scoredMemorySchema>;

export const searchResultSchema = z.object({ items: z.array(scoredMemorySchema) });

export const mergeResultSchema = z.object({
  merged: z.number().int().describe('How many duplicates were folded into the memory they repeat'),
  kept: z.array(memorySchema).describe('The memories that absorbed duplicates'),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const memoryAnalyticsSchema = z
  .object({
    scope: z.enum(memoryScopes),
    scope_id: z.string(),
    active: z.number().int(),
    archived: z.number().int(),
    growth: z.array(z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), created: z.number().int() })),
    most_used: z.array(memorySchema).describe('Up to 10, most recalled first'),
    recalls: z.number().int().describe('Chat turns that looked for memories in the period'),
    recall_hits: z.number().int().describe('Of those, the ones that found at least one'),
    recall_hit_rate: z.number().nullable().describe('recall_hits / recalls; null without recalls'),
  })
  .meta({ id: 'MemoryAnalytics' });
export type MemoryAnalytics = z.infer<typeof memoryAnalyticsSchema>;

/** A memory as it travels in a user's export file: what it says and whose it is, not its counters. */
export const portableMemorySchema = z
  .object({
    id: z.string().min(1).max(100).describe('Its id where it was exported (a reference only)'),
    scope: z.enum(memoryScopes),
    scope_id: z.string().min(1).max(100).describe('The agent’s or team’s id there; ignored for user'),
    text,
    // More than a new memory may be given: merging the same fact twice unions their tags.
    tags: z.array(z.string().trim().min(1).max(50)).max(200).default([]),
    importance: importance.default(3),
    source: z
      .object({
        kind: z.enum(['message', 'document', 'run', 'manual']),
        id: z.string().min(1).max(200).nullable().default(null),
      })
      .default({ kind: 'manual', id: null }),
    archived: z.boolean().default(false),
    created_at: z.iso.datetime({ offset: true }).describe('ISO 8601'),
  })
  .meta({ id: 'PortableMemory' });
export type PortableMemory = z.infer<typeof portableMemorySchema>;
