import { z } from 'zod';
import { ImportInvalidError } from '../errors.js';
import {
  type ImportedConversation,
  type ImportedMessage,
  invalidImport,
  parentsFirst,
} from './import-model.js';
import type { Part } from '../schema.js';
import { titleFrom } from './title.js';

/** Unix seconds, up to the year 3000. */
const seconds = z.number().nonnegative().max(32_503_680_000).nullish();

const nodeSchema = z.looseObject({
  message: z
    .looseObject({
      author: z.looseObject({ role: z.string() }),
      content: z
        .looseObject({
          content_type: z.string(),
          parts: z.array(z.unknown()).nullish(),
          text: z.string().nullish(),
          language: z.string().nullish(),
        })
        .nullish(),
      create_time: seconds,
      update_time: seconds,
      recipient: z.string().nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
  parent: z.string().nullish(),
});

const fileSchema = z
  .array(
    z.looseObject({
      title: z.string().nullish(),
      create_time: seconds,
      update_time: seconds,
      mapping: z.record(z.string(), nodeSchema),
      current_node: z.string().nullish(),
      default_model_slug: z.string().nullish(),
    }),
  )
  .min(1, { message: 'the file holds no conversations' });

type Node = z.infer<typeof nodeSchema>;

/** The text and files of a text or multimodal message; code as a fenced block; anything else (tool output, browsing, thoughts) is left out. */
function partsOf(content: NonNullable<NonNullable<Node['message']>['content']>): Part[] {
  if (content.content_type === 'code' && content.text?.trim())
    return [{ type: 'text', text: `\`\`\`${content.language ?? ''}\n${content.text}\n\`\`\`` }];
  if (content.content_type !== 'text' && content.content_type !== 'multimodal_text') return [];
  const parts: Part[] = [];
  for (const piece of content.parts ?? []) {
    if (typeof piece === 'string') {
      if (piece.trim()) parts.push({ type: 'text', text: piece });
    } else if (piece && typeof piece === 'object') {
      const { text, asset_pointer: pointer } = piece as { text?: unknown; asset_pointer?: unknown };
      if (typeof text === 'string' && text.trim()) parts.push({ type: 'text', text });
      else if (typeof pointer === 'string')
        parts.push({ type: 'file', name: pointer.split('/').pop() || pointer, media_type: 'image/*' });
    }
  }
  return parts;
}

/** The message a node holds, or undefined when it is skipped: system, tool, hidden, empty. */
function keptMessage(
  key: string,
  node: Node,
  fallbackTime: Date,
): Omit<ImportedMessage, 'parentKey'> | undefined {
  const message = node.message;
  if (!message?.content) return undefined;
  const role = message.author.role;
  if (role !== 'user' && role !== 'assistant') return undefined;
  if (message.metadata?.is_visually_hidden_from_conversation === true) return undefined;
  if (message.recipient && message.recipient !== 'all') return undefined;
  const parts = partsOf(message.content);
  if (parts.length === 0) return undefined;
  const created = message.create_time ? new Date(message.create_time * 1000) : fallbackTime;
  const model =
    typeof message.metadata?.model_slug === 'string' ? message.metadata.model_slug.slice(0, 200) : null;
  return {
    key,
    role,
    parts,
    status: 'complete',
    error: null,
    model: role === 'assistant' ? model : null,
    metrics: null,
    createdAt: created,
    updatedAt: message.update_time ? new Date(message.update_time * 1000) : created,
  };
}

/**
 * Reads ChatGPT's conversations.json. The tree is kept; skipped nodes (the empty root, system and
 * tool messages, hidden context, empty messages) are cut out and their children hang from the
 * nearest kept ancestor. The current branch ends at the kept message nearest `current_node`.
 */
export function readChatGptExport(payload: unknown): ImportedConversation[] {
  const parsed = fileSchema.safeParse(payload);
  if (!parsed.success) throw invalidImport('Not a valid ChatGPT export', parsed.error);
  return parsed.data.map((conversation, index) => {
    const where = `${index}`;
    const createdAt = conversation.create_time ? new Date(conversation.create_time * 1000) : new Date(0);
    const kept = new Map<string, Omit<ImportedMessage, 'parentKey'>>();
    for (const [key, node] of Object.entries(conversation.mapping)) {
      const message = keptMessage(key, node, createdAt);
      if (message) kept.set(key, message);
    }
    /** The nearest kept node at or above `key`, or null at the top. */
    const keptAtOrAbove = (key: string | null | undefined): string | null => {
      const seen = new Set<string>();
      for (let current = key; current; current = conversation.mapping[current]?.parent) {
        if (!(current in conversation.mapping))
          throw new ImportInvalidError(`${where}.mapping: node ${current} is named but not in the mapping`);
        if (seen.has(current))
          throw new ImportInvalidError(`${where}.mapping: node ${current} is its own ancestor`);
        seen.add(current);
        if (kept.has(current)) return current;
      }
      return null;
    };
    const messages = parentsFirst(
      [...kept.values()].map((message) => ({
        ...message,
        parentKey: keptAtOrAbove(conversation.mapping[message.key]?.parent),
      })),
      where,
    );
    const newest = messages.reduce<ImportedMessage | undefined>(
      (latest, message) => (!latest || message.createdAt >= latest.createdAt ? message : latest),
      undefined,
    );
    const activeKey = conversation.current_node
      ? keptAtOrAbove(conversation.current_node)
      : (newest?.key ?? null);
    const firstQuestion = messages.find((message) => message.role === 'user');
    const firstText = firstQuestion?.parts.find((part) => part.type === 'text');
    return {
      title: (
        conversation.title?.trim() || titleFrom(firstText?.type === 'text' ? firstText.text : '')
      ).slice(0, 200),
      pinned: false,
      archived: false,
      tags: [],
      model: conversation.default_model_slug?.slice(0, 200) ?? null,
      createdAt,
      updatedAt: conversation.update_time ? new Date(conversation.update_time * 1000) : createdAt,
      messages,
      activeKey,
    };
  });
}
