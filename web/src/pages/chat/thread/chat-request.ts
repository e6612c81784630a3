import type { ChatRequest } from '@server/modules/chat/schema';
import { isToolUIPart } from 'ai';
import type { ThreadMessage } from './thread-message';

/** The body of POST /api/v1/chat: exactly one of a message, a regeneration or approvals. */
export type ChatRequestBody = (
  | (Required<Pick<ChatRequest, 'message'>> & Pick<ChatRequest, 'conversation_id' | 'model' | 'parent_id'>)
  | Required<Pick<ChatRequest, 'regenerate' | 'conversation_id'>>
  | Required<Pick<ChatRequest, 'approvals' | 'conversation_id'>>
) &
  Pick<ChatRequest, 'time_zone'>;

/** The browser's time zone, which the built-in assistant reads "tomorrow at 5" in. */
export function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** What the thread adds to a send: set by an edit (the edited message's parent). */
export interface ExtraBody {
  parent_id?: string | null;
}

/**
 * Turns what `useChat` wants to send into our chat request. The server keeps the history, so only
 * the new thing goes: the last user message (an edit names its parent), the reply to write again,
 * or the answers to the calls waiting for approval.
 */
export function toChatRequest({
  trigger,
  messageId,
  messages,
  body,
  conversationId,
  model,
  timeZone,
}: {
  trigger: 'submit-message' | 'regenerate-message';
  messageId: string | undefined;
  messages: ThreadMessage[];
  body: ExtraBody | undefined;
  conversationId: string | undefined;
  model: string | undefined;
  /** Sent with every request: a reply going on after an approval reads dates too. */
  timeZone?: string | undefined;
}): ChatRequestBody {
  const zone = timeZone ? { time_zone: timeZone } : {};
  if (trigger === 'regenerate-message') {
    if (!messageId || !conversationId) throw new Error('Only a saved reply can be written again.');
    return { regenerate: messageId, conversation_id: conversationId, ...zone };
  }
  const last = messages.at(-1);
  if (last?.role === 'assistant') {
    if (!conversationId) throw new Error('There is no conversation to answer in.');
    const approvals = last.parts.flatMap((part) =>
      isToolUIPart(part) && part.state === 'approval-responded'
        ? [{ approval_id: part.approval.id, approved: part.approval.approved }]
        : [],
    );
    return { approvals, conversation_id: conversationId, ...zone };
  }
  const message = (last?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
  return {
    message,
    ...(conversationId ? { conversation_id: conversationId } : {}),
    ...(model ? { model } : {}),
    ...(body?.parent_id !== undefined ? { parent_id: body.parent_id } : {}),
    ...zone,
  };
}
