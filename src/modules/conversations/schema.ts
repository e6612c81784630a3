import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

export const roles = ['user', 'assistant', 'system'] as const;
export const messageStatuses = [
  'complete',
  'streaming',
  'awaiting_approval',
  'interrupted',
  'error',
] as const;
/** The statuses a reply ends in; reaching one from streaming or awaiting_approval publishes message.completed. */
export const finalStatuses = ['complete', 'interrupted', 'error'] as const;
export const toolStates = ['running', 'awaiting_approval', 'success', 'error', 'denied'] as const;

const id = z.string().min(1).max(100);
const title = z.string().trim().max(200);
const model = z.string().trim().min(1).max(200);
const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const timestamp = z.string().describe('ISO 8601');

export const partSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({ type: z.literal('reasoning'), text: z.string() }),
    z.object({
      type: z.literal('tool'),
      tool_call_id: z.string().min(1).max(200),
      tool: z.string().min(1).max(200),
      input: z.unknown(),
      state: z.enum(toolStates),
      output: z.unknown().optional(),
      error: z.string().optional(),
      duration_ms: z.number().nonnegative().optional(),
      approval_id: z.string().optional(),
      approved: z.boolean().optional().describe("The user's answer to an approval, until the call runs"),
    }),
    z.object({
      type: z.literal('file'),
      name: z.string().max(500),
      media_type: z.string().max(200),
      resource_id: z.string().max(100).optional(),
      url: z.string().max(10_000).optional(),
    }),
  ])
  .meta({ id: 'MessagePart' });
export type Part = z.infer<typeof partSchema>;

const count = z.number().nonnegative().nullable();
export const metricsSchema = z
  .object({
    input_tokens: count,
    output_tokens: count,
    time_to_first_token_ms: count,
    total_ms: count,
    tokens_per_second: count,
  })
  .meta({ id: 'MessageMetrics' });
export type MessageMetrics = z.infer<typeof metricsSchema>;

export const messageErrorSchema = z.object({ code: z.string().max(100), message: z.string().max(10_000) });
export type MessageError = z.infer<typeof messageErrorSchema>;

export const conversationSchema = z
  .object({
    id: z.string(),
    title: z.string().describe('Empty until set, or taken from the first user message'),
    pinned: z.boolean(),
    archived: z.boolean(),
    tags: z.array(z.string()),
    model: z.string().nullable(),
    active_message_id: z.string().nullable().describe('The leaf of the branch shown and sent to the model'),
    message_count: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    last_message_at: timestamp.nullable(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSchema),
  next_cursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

export const branchSchema = z.object({
  index: z.number().int().describe('Position among the messages sharing this parent, oldest first'),
  count: z.number().int(),
  sibling_ids: z.array(z.string()).describe('Every message sharing the parent, this one included'),
});
export type Branch = z.infer<typeof branchSchema>;

export const messageSchema = z
  .object({
    id: z.string(),
    conversation_id: z.string(),
    parent_id: z.string().nullable(),
    role: z.enum(roles),
    parts: z.array(partSchema),
    status: z.enum(messageStatuses),
    error: messageErrorSchema.nullable(),
    model: z.string().nullable(),
    metrics: metricsSchema.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'ConversationMessage' });
export type Message = z.infer<typeof messageSchema>;

export const listedMessageSchema = messageSchema
  .extend({ branch: branchSchema })
  .meta({ id: 'ListedMessage' });
export type ListedMessage = z.infer<typeof listedMessageSchema>;

export const createConversationInputSchema = z.object({
  title: title.optional(),
  model: model.nullable().optional(),
  tags: tags.default([]),
});
export type CreateConversationInput = z.input<typeof createConversationInputSchema>;

const flag = z.union([z.boolean(), z.stringbool()]);
export const listConversationsInputSchema = z.object({
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
  query: z.string().trim().max(200).optional().describe('Words the title contains'),
  pinned: flag.optional(),
  archived: flag.default(false).describe('Archived conversations instead of the others (default false)'),
  tag: z.string().trim().min(1).max(50).optional(),
});
export type ListConversationsInput = z.input<typeof listConversationsInputSchema>;

export const updateConversationInputSchema = z
  .object({
    title: title.min(1).optional(),
    pinned: z.boolean().optional(),
    archived: z.boolean().optional(),
    tags: tags.optional(),
    model: model.nullable().optional(),
  })
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  });
export type UpdateConversationInput = z.input<typeof updateConversationInputSchema>;

export const activeBranchInputSchema = z.object({
  limit: z.number().int().min(1).max(100_000).optional(),
});
export type ActiveBranchInput = z.input<typeof activeBranchInputSchema>;

export const appendMessageInputSchema = z.object({
  conversationId: id,
  parentId: id.nullable().optional(),
  role: z.enum(roles),
  parts: z.array(partSchema).max(1_000),
  status: z.enum(messageStatuses).default('complete'),
  model: model.nullable().optional(),
  metrics: metricsSchema.nullable().optional(),
});
export type AppendMessageInput = z.input<typeof appendMessageInputSchema>;

/** Several messages in one write, each the reply to the one before (a question and its reply's placeholder). */
export const appendMessagesInputSchema = appendMessageInputSchema
  .pick({ conversationId: true, parentId: true })
  .extend({
    messages: z
      .array(appendMessageInputSchema.omit({ conversationId: true, parentId: true }))
      .min(1)
      .max(10),
  });
export type AppendMessagesInput = z.input<typeof appendMessagesInputSchema>;

export const updateMessageInputSchema = z.object({
  parts: z.array(partSchema).max(1_000).optional(),
  status: z.enum(messageStatuses).optional(),
  error: messageErrorSchema.nullable().optional(),
  metrics: metricsSchema.nullable().optional(),
  model: model.nullable().optional(),
});
export type UpdateMessageInput = z.input<typeof updateMessageInputSchema>;

export const listMessagesInputSchema = z.object({
  branch: z
    .enum(['active', 'all'])
    .default('active')
    .describe('The active branch (default) or the whole tree'),
});
export type ListMessagesInput = z.input<typeof listMessagesInputSchema>;

export const messageListSchema = z.object({ items: z.array(listedMessageSchema) });

export const searchMessagesInputSchema = z.object({
  query: z.string().trim().min(1).max(500).describe('Words to find in your messages'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type SearchMessagesInput = z.input<typeof searchMessagesInputSchema>;

export const messageHitSchema = z
  .object({
    conversation_id: z.string(),
    conversation_title: z.string(),
    message_id: z.string(),
    role: z.enum(roles),
    snippet: z.string().describe('The matching passage, matches between « and »'),
    created_at: timestamp,
  })
  .meta({ id: 'MessageSearchHit' });
export type MessageHit = z.infer<typeof messageHitSchema>;

export const messageHitPageSchema = z.object({
  items: z.array(messageHitSchema),
  next_cursor: z.string().nullable(),
});
export type MessageHitPage = z.infer<typeof messageHitPageSchema>;

export const exportFormat = 'switchboard.conversations';

export const exportInputSchema = z.object({
  format: z.enum(['json', 'markdown']).default('json'),
});
export type ExportInput = z.input<typeof exportInputSchema>;

/** One conversation as exported: its fields and every message of its tree, oldest first. */
export const exportedConversationSchema = conversationSchema
  .extend({ messages: z.array(messageSchema) })
  .meta({ id: 'ExportedConversation' });
export type ExportedConversation = z.infer<typeof exportedConversationSchema>;

/** The JSON export: everything, with a marker that import recognises. */
export const conversationsExportSchema = z
  .object({
    format: z.literal(exportFormat),
    version: z.literal(1),
    exported_at: timestamp,
    conversations: z.array(exportedConversationSchema),
  })
  .meta({ id: 'ConversationsExport' });
export type ConversationsExport = z.infer<typeof conversationsExportSchema>;

export const importResultSchema = z
  .object({
    imported: z.number().int(),
    conversations: z.array(z.object({ id: z.string(), title: z.string() })),
  })
  .meta({ id: 'ConversationsImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;
