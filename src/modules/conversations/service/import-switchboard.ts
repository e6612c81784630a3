import { z } from 'zod';
import { ImportInvalidError } from '../errors.js';
import { type ImportedConversation, invalidImport, parentsFirst } from './import-model.js';
import {
  exportFormat,
  messageErrorSchema,
  messageStatuses,
  metricsSchema,
  partSchema,
  roles,
} from '../schema.js';

const time = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const fileSchema = z.object({
  format: z.literal(exportFormat),
  version: z.literal(1, { message: 'only version 1 of the Switchboard export is known' }),
  conversations: z.array(
    z.object({
      title: z.string().max(200),
      pinned: z.boolean().default(false),
      archived: z.boolean().default(false),
      tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
      model: z.string().max(200).nullable().default(null),
      active_message_id: z.string().nullable().default(null),
      created_at: time,
      updated_at: time,
      messages: z.array(
        z.object({
          id: z.string().min(1).max(100),
          parent_id: z.string().nullable(),
          role: z.enum(roles),
          parts: z.array(partSchema).max(1_000),
          status: z.enum(messageStatuses).default('complete'),
          error: messageErrorSchema.nullable().default(null),
          model: z.string().max(200).nullable().default(null),
          metrics: metricsSchema.nullable().default(null),
          created_at: time,
          updated_at: time,
        }),
      ),
    }),
  ),
});

/** A reply cut off by the export is not resumable after it: it is kept as interrupted. */
const settled = (status: (typeof messageStatuses)[number]) =>
  status === 'streaming' || status === 'awaiting_approval' ? 'interrupted' : status;

/** Reads our own JSON export (format switchboard.conversations, version 1). */
export function readSwitchboardExport(payload: unknown): ImportedConversation[] {
  const parsed = fileSchema.safeParse(payload);
  if (!parsed.success) throw invalidImport('Not a valid Switchboard export', parsed.error);
  return parsed.data.conversations.map((conversation, index) => {
    const where = `conversations.${index}`;
    const messages = parentsFirst(
      conversation.messages.map((message) => ({
        key: message.id,
        parentKey: message.parent_id,
        role: message.role,
        parts: message.parts,
        status: settled(message.status),
        error: message.error,
        model: message.model,
        metrics: message.metrics,
        createdAt: message.created_at,
        updatedAt: message.updated_at,
      })),
      where,
    );
    const activeKey = conversation.active_message_id;
    if (activeKey !== null && !messages.some((message) => message.key === activeKey))
      throw new ImportInvalidError(`${where}: active_message_id ${activeKey} is not one of its messages`);
    return {
      title: conversation.title,
      pinned: conversation.pinned,
      archived: conversation.archived,
      tags: conversation.tags,
      model: conversation.model,
      createdAt: conversation.created_at,
      updatedAt: conversation.updated_at,
      messages,
      activeKey,
    };
  });
}
