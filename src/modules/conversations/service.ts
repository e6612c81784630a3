import { and, type ColumnsSelection, eq } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Actor } from '../../actor.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { Database } from '../../db/database.js';
import { requireUser } from '../../actor-policy.js';
import { loadOwnedConversation } from './service/access.js';
import type { TurnCommit } from './service/commit-turn.js';
import { ConversationNotFoundError } from './errors.js';
import './events.js';
import { exportConversations, type ExportedFile } from './service/export.js';
import { readImport, writeImport } from './service/import.js';
import { interruptReplies, interruptStale, type RepliesToInterrupt } from './service/interrupt-replies.js';
import { listConversations } from './service/list.js';
import { announceChain, chainRows, inChainOrder } from './service/insert-chain.js';
import { type AlsoInsert, insertConversation } from './service/insert-conversation.js';
import { createMessageOperations } from './service/messages.js';
import { conversationColumns, toConversation, toMessage } from './service/rows.js';
import {
  type AppendMessagesInput,
  appendMessagesInputSchema,
  type Conversation,
  type ConversationPage,
  type CreateConversationInput,
  createConversationInputSchema,
  exportInputSchema,
  type ExportInput,
  type ImportResult,
  type ListConversationsInput,
  type Message,
  type MessageHitPage,
  type SearchMessagesInput,
  type UpdateConversationInput,
  updateConversationInputSchema,
} from './schema.js';
import { searchMessages } from './service/search.js';
import { conversations } from './table.js';

const firstMessagesSchema = appendMessagesInputSchema.pick({ messages: true });

/**
 * Each user's conversations and their message trees. Another user's conversation or message is
 * not found, never shown. Every change publishes an event.
 */
export function createConversationService(deps: ServiceDeps) {
  const { db, clock, ids, bus } = deps;

  return {
    async create(actor: Actor, input: CreateConversationInput = {}): Promise<Conversation> {
      const { userId } = requireUser(actor);
      const [row] = await db
        .insert(conversations)
        .values(conversationRow({ userId, input, id: ids(), now: clock.now() }))
        .returning(conversationColumns);
      if (!row) throw new Error('The conversation was not stored');
      await bus.publish(actor, 'conversation.created', { conversation_id: row.id, owner_id: userId });
      return toConversation(row);
    },

    /**
     * A new conversation with its first messages, in one statement (the chat's first turn: the
     * question and its reply's placeholder, stored before the model is called). `alsoInsert` writes
     * the caller's own row about them in the same statement (the chat's claim on the reply); its
     * row comes back as `also`. See `TurnCommit` for `unflushed`.
     */
    async start<Also extends ColumnsSelection = Record<string, never>>(
      actor: Actor,
      input: CreateConversationInput & Pick<AppendMessagesInput, 'messages'>,
      { alsoInsert, unflushed = false }: TurnCommit & { alsoInsert?: AlsoInsert<Also> } = {},
    ): Promise<{
      conversation: Conversation;
      messages: Message[];
      also: SelectResultFields<Also> | undefined;
    }> {
      const { userId } = requireUser(actor);
      const { messages: chain } = firstMessagesSchema.parse(input);
      const now = clock.now();
      const id = ids();
      const { values, leafId, title } = chainRows({
        conversationId: id,
        ownerId: userId,
        parentId: null,
        chain,
        now,
        ids,
      });
      const fresh = conversationRow({ userId, input, id, now });
      const titled = fresh.title === '' && title !== '';
      // The conversation is written with its final leaf, count and title: no update after.
      const stored = await insertConversation(db, {
        conversation: {
          ...fresh,
          activeMessageId: leafId,
          messageCount: values.length,
          lastMessageAt: now,
          ...(titled && { title }),
        },
        values,
        also: alsoInsert,
        unflushed,
      });
      const { conversation } = stored;
      const rows = inChainOrder(stored.rows, values);
      bus.publishSoon(actor, 'conversation.created', { conversation_id: conversation.id, owner_id: userId });
      announceChain(bus, actor, { conversationId: conversation.id, ownerId: userId, rows, titled });
      return {
        conversation: toConversation(conversation),
        messages: rows.map(toMessage),
        also: stored.also as SelectResultFields<Also> | undefined,
      };
    },

    async get(actor: Actor, conversationId: string): Promise<Conversation> {
      const { userId } = requireUser(actor);
      return toConversation(await loadOwnedConversation(db, { userId, conversationId }));
    },

    /** The actor's conversations, most recent activity first; archived ones only when asked. */
    async list(actor: Actor, input: ListConversationsInput = {}): Promise<ConversationPage> {
      const { userId } = requireUser(actor);
      return listConversations(db, userId, input);
    },

    /** Renames, pins, archives, retags or changes the model; only the fields given change. */
    async update(
      actor: Actor,
      conversationId: string,
      input: UpdateConversationInput,
    ): Promise<Conversation> {
      const { userId } = requireUser(actor);
      const changes = updateConversationInputSchema.parse(input);
      const [row] = await db
        .update(conversations)
        .set({
          ...(changes.title !== undefined && { title: changes.title }),
          ...(changes.pinned !== undefined && { pinned: changes.pinned }),
          ...(changes.archived !== undefined && { archived: changes.archived }),
          ...(changes.tags !== undefined && { tags: changes.tags }),
          ...(changes.model !== undefined && { model: changes.model }),
          updatedAt: clock.now(),
        })
        .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, userId)))
        .returning(conversationColumns);
      if (!row) throw new ConversationNotFoundError(conversationId);
      const changed = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      await bus.publish(actor, 'conversation.updated', {
        conversation_id: conversationId,
        owner_id: userId,
        changes: changed,
      });
      return toConversation(row);
    },

    /** Deletes the conversation and every message in it. */
    async delete(actor: Actor, conversationId: string): Promise<void> {
      const { userId } = requireUser(actor);
      const deleted = await db
        .delete(conversations)
        .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, userId)))
        .returning({ id: conversations.id });
      if (deleted.length === 0) throw new ConversationNotFoundError(conversationId);
      await bus.publish(actor, 'conversation.deleted', { conversation_id: conversationId, owner_id: userId });
    },

    /** The actor's messages that match the words, best match first, with the matching passage. */
    async search(actor: Actor, input: SearchMessagesInput): Promise<MessageHitPage> {
      const { userId } = requireUser(actor);
      return searchMessages(db, userId, input);
    },

    /** All the actor's conversations, or one: JSON with everything, or Markdown of the active branch. */
    async exportConversations(
      actor: Actor,
      input: ExportInput & { conversationId?: string | undefined },
    ): Promise<ExportedFile> {
      const { userId } = requireUser(actor);
      const { format } = exportInputSchema.parse(input);
      return exportConversations(db, clock, { userId, conversationId: input.conversationId, format });
    },

    /**
     * Imports our JSON export or ChatGPT's conversations.json as new conversations (new ids), in one
     * transaction; a malformed file is IMPORT_INVALID and nothing is written.
     */
    async importConversations(actor: Actor, payload: unknown): Promise<ImportResult> {
      const { userId } = requireUser(actor);
      const result = await writeImport(db, ids, { userId, imported: readImport(payload) });
      const conversationIds = result.conversations.map((conversation) => conversation.id);
      await bus.publish(actor, 'conversations.imported', {
        owner_id: userId,
        conversation_ids: conversationIds,
      });
      return result;
    },

    /**
     * Marks replies left `streaming` since before `before` as interrupted; returns how many.
     * System use (no actor): at startup and hourly, so a crash never leaves a reply streaming.
     */
    interruptStale(options: { before: Date }): Promise<number> {
      return interruptStale(deps, options);
    },

    /**
     * Marks these replies interrupted where they are still `streaming`; answers their ids. System
     * use (no actor): the chat's sweep, for replies whose instance stopped renewing its claim;
     * given a function, the chat removes those claims in the same transaction.
     */
    interruptReplies(
      pick: RepliesToInterrupt | ((tx: Database) => Promise<RepliesToInterrupt>),
    ): Promise<string[]> {
      return interruptReplies(deps, pick);
    },

    ...createMessageOperations(deps),
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;

function conversationRow({
  userId,
  input,
  id,
  now,
}: {
  userId: string;
  input: CreateConversationInput;
  id: string;
  now: Date;
}) {
  const { title, model, tags } = createConversationInputSchema.parse(input);
  return {
    id,
    ownerId: userId,
    title: title ?? '',
    pinned: false,
    archived: false,
    tags,
    model: model ?? null,
    activeMessageId: null,
    messageCount: 0,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: null,
  };
}
