import type { UserActor } from '../../../actor.js';
import type { ModelRegistry, ResolvedModel } from '../../../models/registry.js';
import type { Conversation, ConversationService, Message, Part } from '../../conversations/index.js';
import { CannotRegenerateError, NothingToApproveError } from '../errors.js';
import type { ChatRequest } from '../schema.js';
import type { NewClaim } from './run-claims.js';

export interface Turn {
  /** The stored reply the model writes into (new, or the one waiting for approvals). */
  reply: Message;
  model: ResolvedModel;
  /** True when the reply goes on from where it stopped (after approvals): it is part of the history. */
  continues: boolean;
  /** A new conversation's claim, written by the statement that stored the turn. */
  runId?: string;
}

/** The turn's model: the request's, else the conversation's own (unless an admin has since withdrawn it), else the default. */
export async function turnModel(
  request: ChatRequest,
  { models, existing }: { models: ModelRegistry; existing: Conversation | undefined },
): Promise<ResolvedModel> {
  const kept = existing?.model && (await models.allows(existing.model)) ? existing.model : undefined;
  return models.resolve(request.model ?? kept);
}

/** A message as the model's history reads it (one stored, or one about to be). */
export type HistoryMessage = Pick<Message, 'id' | 'role' | 'parts'>;

/**
 * The whole history of a turn that starts a new conversation, known before it is stored: its
 * question (the id is not yet known and not needed). Undefined for any other turn, whose history
 * is read once it is stored.
 */
export function newConversationHistory(
  request: ChatRequest,
  existing: Conversation | undefined,
): HistoryMessage[] | undefined {
  if (existing || request.approvals || request.regenerate) return undefined;
  return [{ id: '', role: 'user', parts: questionParts(request) }];
}

/** The parts of the user's message, as stored. */
function questionParts(request: ChatRequest): Part[] {
  return [{ type: 'text', text: request.message ?? '' }];
}

/**
 * Stores what the user did before the model is called: a new message (a new conversation when
 * none is named; a branch when `parent_id` is given), a regeneration (a new reply beside the old
 * one) or answers to approvals. Everything is checked before the first write. A new message commits
 * without waiting for the disk: the reply's saves (every 250 ms and its last, before the request
 * ends, or its failure's) are flushed commits, which make it durable before it is acknowledged.
 */
export async function prepareTurn(
  actor: UserActor,
  request: ChatRequest,
  {
    conversations,
    model,
    existing,
    claimNew,
  }: {
    conversations: ConversationService;
    model: ResolvedModel;
    existing: Conversation | undefined;
    /** The claim of a new conversation's reply, written by the statement storing its first turn. */
    claimNew: NewClaim;
  },
): Promise<Turn> {
  if (request.approvals) {
    const reply = await answerApprovals(
      actor,
      existing?.active_message_id ?? null,
      request.approvals,
      conversations,
    );
    return { reply, model, continues: true };
  }

  if (request.regenerate) {
    const old = await conversations.message(actor, request.regenerate);
    if (old.role !== 'assistant' || old.conversation_id !== existing?.id || !old.parent_id) {
      throw new CannotRegenerateError(request.regenerate);
    }
    const reply = await conversations.appendMessage(actor, {
      conversationId: old.conversation_id,
      parentId: old.parent_id,
      role: 'assistant',
      parts: [],
      status: 'streaming',
      model: model.id,
    });
    return { reply, model, continues: false };
  }

  if (existing?.active_message_id && request.parent_id === undefined) {
    await settlePendingApprovals(actor, existing.active_message_id, conversations);
  }
  const turn = [
    { role: 'user' as const, parts: questionParts(request), status: 'complete' as const },
    { role: 'assistant' as const, parts: [], status: 'streaming' as const, model: model.id },
  ];
  if (!existing) {
    const started = await conversations.start(
      actor,
      { ...(request.model ? { model: request.model } : {}), messages: turn },
      {
        alsoInsert: claimNew,
        unflushed: true,
      },
    );
    const [question, reply] = started.messages;
    if (!question || !reply || !started.also) throw new Error('The turn was not stored');
    return { reply, model, continues: false, runId: started.also.runId };
  }
  const [, reply] = await conversations.appendMessages(
    actor,
    {
      conversationId: existing.id,
      ...(request.parent_id !== undefined ? { parentId: request.parent_id } : {}),
      messages: turn,
    },
    { unflushed: true },
  );
  if (!reply) throw new Error('The turn was not stored');
  return { reply, model, continues: false };
}

/** Records the user's yes or no on each waiting call of the active reply, which then goes on. */
async function answerApprovals(
  actor: UserActor,
  leafId: string | null,
  approvals: NonNullable<ChatRequest['approvals']>,
  conversations: ConversationService,
): Promise<Message> {
  const first = approvals[0]?.approval_id ?? '';
  if (!leafId) throw new NothingToApproveError(first);
  const reply = await conversations.message(actor, leafId);
  if (reply.status !== 'awaiting_approval') throw new NothingToApproveError(first);
  const parts: Part[] = structuredClone(reply.parts);
  for (const { approval_id, approved } of approvals) {
    const part = parts.find(
      (candidate) => candidate.type === 'tool' && candidate.approval_id === approval_id,
    );
    if (!part || part.type !== 'tool' || part.state !== 'awaiting_approval')
      throw new NothingToApproveError(approval_id);
    part.approved = approved;
  }
  return conversations.updateMessage(actor, reply.id, { parts, status: 'streaming' });
}

/**
 * A new message while calls still wait for approval: those calls are refused (the user moved on),
 * so the stored reply is final and the history stays valid for the model.
 */
async function settlePendingApprovals(actor: UserActor, leafId: string, conversations: ConversationService) {
  const leaf = await conversations.message(actor, leafId);
  if (leaf.status !== 'awaiting_approval') return;
  const parts = leaf.parts.map((part) =>
    part.type === 'tool' && part.state === 'awaiting_approval' ? { ...part, state: 'denied' as const } : part,
  );
  await conversations.updateMessage(actor, leaf.id, { parts, status: 'complete' });
}
