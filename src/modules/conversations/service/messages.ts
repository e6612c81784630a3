import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { requireUser } from '../../../actor-policy.js';
import { loadOwnedConversation, loadOwnedMessage, requireMessageIn } from './access.js';
import { childrenByParent, newestLeafFrom, pathTo, treeOf, withBranches } from './branch.js';
import { MessageNotFoundError, MessageTooLargeError } from '../errors.js';
import '../events.js';
import { announceChain, insertChain } from './insert-chain.js';
import { conversationColumns, messageColumns, textOf, toConversation, toMessage } from './rows.js';
import {
  type ActiveBranchInput,
  activeBranchInputSchema,
  type AppendMessageInput,
  appendMessagesInputSchema,
  type AppendMessagesInput,
  type Conversation,
  finalStatuses,
  type ListedMessage,
  type ListMessagesInput,
  listMessagesInputSchema,
  type Message,
  type Part,
  type UpdateMessageInput,
  updateMessageInputSchema,
} from '../schema.js';
import { conversations, messages } from '../table.js';
import { commitTurn, type TurnCommit } from './commit-turn.js';

/** The most JSON one message's parts may hold (tool outputs included). */
export const largestParts = 4 * 1024 * 1024;

function checkSize(parts: readonly Part[]): void {
  if (Buffer.byteLength(JSON.stringify(parts)) > largestParts) throw new MessageTooLargeError(largestParts);
}

const isFinal = (status: string): status is (typeof finalStatuses)[number] =>
  (finalStatuses as readonly string[]).includes(status);

/** The message tree: appending, streaming updates, reading branches and switching between them. */
export function createMessageOperations({ db, clock, ids, bus }: ServiceDeps) {
  return {
    /** The active branch root → leaf, or its last `limit` messages: what the assistant is given. */
    async activeBranch(
      actor: Actor,
      conversationId: string,
      input: ActiveBranchInput = {},
    ): Promise<Message[]> {
      const { userId } = requireUser(actor);
      const { limit } = activeBranchInputSchema.parse(input);
      const conversation = await loadOwnedConversation(db, { userId, conversationId });
      if (!conversation.activeMessageId) return [];
      const rows = await pathTo(db, { userId, conversationId, leafId: conversation.activeMessageId, limit });
      return rows.map(toMessage);
    },

    /**
     * Adds a message under `parentId` (the active leaf when undefined, a new root when null) and
     * makes it the active leaf. The first user message titles an untitled conversation.
     */
    async appendMessage(actor: Actor, input: AppendMessageInput): Promise<Message> {
      const { conversationId, parentId, ...message } = input;
      const [appended] = await this.appendMessages(actor, {
        conversationId,
        ...(parentId !== undefined && { parentId }),
        messages: [message],
      });
      if (!appended) throw new Error('The message was not stored');
      return appended;
    },

    /**
     * Adds a chain of messages in one transaction — the first under `parentId` (as appendMessage),
     * each next one under the one before — and makes the last the active leaf.
     */
    async appendMessages(
      actor: Actor,
      input: AppendMessagesInput,
      { unflushed = false }: TurnCommit = {},
    ): Promise<Message[]> {
      const { userId } = requireUser(actor);
      const { conversationId, parentId, messages: chain } = appendMessagesInputSchema.parse(input);
      for (const message of chain) checkSize(message.parts);
      const now = clock.now();
      const { rows, titled } = await commitTurn(db, { unflushed }, async (transaction) => {
        const conversation = await loadOwnedConversation(transaction, { userId, conversationId, lock: true });
        if (parentId) await requireMessageIn(transaction, { userId, conversationId, messageId: parentId });
        const start = parentId === undefined ? conversation.activeMessageId : parentId;
        return insertChain(transaction, { conversation, parentId: start, chain, now, ids });
      });
      announceChain(bus, actor, { conversationId, ownerId: userId, rows, titled });
      return rows.map(toMessage);
    },

    /**
     * Changes a message in one statement (called every few hundred milliseconds while a reply
     * streams). Reaching a final status from streaming or awaiting approval publishes message.completed;
     * coming to wait for approval publishes message.approval_requested with the calls that wait.
     */
    async updateMessage(actor: Actor, messageId: string, input: UpdateMessageInput): Promise<Message> {
      const { userId } = requireUser(actor);
      const changes = updateMessageInputSchema.parse(input);
      if (changes.parts) checkSize(changes.parts);
      const previous = db.$with('previous').as(
        db
          .select({
            previousId: sql<string>`${messages.id}`.as('previous_id'),
            previousStatus: sql<Message['status']>`${messages.status}`.as('previous_status'),
          })
          .from(messages)
          .where(and(eq(messages.id, messageId), eq(messages.ownerId, userId)))
          .for('update'),
      );
      const [row] = await db
        .with(previous)
        .update(messages)
        .set({
          ...(changes.parts !== undefined && { parts: changes.parts, text: textOf(changes.parts) }),
          ...(changes.status !== undefined && { status: changes.status }),
          ...(changes.error !== undefined && { error: changes.error }),
          ...(changes.metrics !== undefined && { metrics: changes.metrics }),
          ...(changes.model !== undefined && { model: changes.model }),
          updatedAt: clock.now(),
        })
        .from(previous)
        .where(eq(messages.id, previous.previousId))
        .returning({ ...messageColumns, previousStatus: previous.previousStatus });
      if (!row) throw new MessageNotFoundError(messageId);
      const { previousStatus, ...updated } = row;
      const wasOpen = previousStatus === 'streaming' || previousStatus === 'awaiting_approval';
      if (wasOpen && isFinal(updated.status)) {
        await bus.publish(actor, 'message.completed', {
          conversation_id: updated.conversationId,
          message_id: messageId,
          status: updated.status,
          owner_id: userId,
        });
      }
      if (previousStatus !== 'awaiting_approval' && updated.status === 'awaiting_approval') {
        await bus.publish(actor, 'message.approval_requested', {
          conversation_id: updated.conversationId,
          message_id: messageId,
          owner_id: userId,
          tool_calls: awaitingToolCalls(updated.parts),
        });
      }
      return toMessage(updated);
    },

    async message(actor: Actor, messageId: string): Promise<Message> {
      const { userId } = requireUser(actor);
      return toMessage(await loadOwnedMessage(db, { userId, messageId }));
    },

    /** The active branch root → leaf (default) or the whole tree oldest first, each with its siblings. */
    async messages(
      actor: Actor,
      conversationId: string,
      input: ListMessagesInput = {},
    ): Promise<ListedMessage[]> {
      const { userId } = requireUser(actor);
      const { branch } = listMessagesInputSchema.parse(input);
      const conversation = await loadOwnedConversation(db, { userId, conversationId });
      const children = childrenByParent(await treeOf(db, { userId, conversationId }));
      if (branch === 'all') {
        const rows = await db
          .select(messageColumns)
          .from(messages)
          .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, userId)))
          .orderBy(messages.createdAt, messages.id);
        return withBranches(rows, children);
      }
      if (!conversation.activeMessageId) return [];
      const leafId = conversation.activeMessageId;
      return withBranches(await pathTo(db, { userId, conversationId, leafId }), children);
    },

    /**
     * Switches to the branch through `messageId`, down to its newest descendant. With
     * `conversationId`, a message of another conversation is not found.
     */
    async activate(
      actor: Actor,
      messageId: string,
      within: { conversationId?: string } = {},
    ): Promise<Conversation> {
      const { userId } = requireUser(actor);
      const { conversationId } = await loadOwnedMessage(db, { userId, messageId });
      if (within.conversationId !== undefined && within.conversationId !== conversationId)
        throw new MessageNotFoundError(messageId);
      const leafId = newestLeafFrom(
        messageId,
        childrenByParent(await treeOf(db, { userId, conversationId })),
      );
      const [row] = await db
        .update(conversations)
        .set({ activeMessageId: leafId, updatedAt: clock.now() })
        .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, userId)))
        .returning(conversationColumns);
      if (!row) throw new MessageNotFoundError(messageId);
      await bus.publish(actor, 'conversation.updated', {
        conversation_id: conversationId,
        owner_id: userId,
        changes: ['active_message_id'],
      });
      return toConversation(row);
    },
  };
}

/** The tool calls of a reply that wait for the user's approval. */
function awaitingToolCalls(parts: readonly Part[]) {
  return parts.flatMap((part) =>
    part.type === 'tool' && part.state === 'awaiting_approval'
      ? [{ tool_call_id: part.tool_call_id, approval_id: part.approval_id ?? '', tool: part.tool }]
      : [],
  );
}
