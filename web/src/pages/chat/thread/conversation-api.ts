import { api } from '../../../api/client';
import type { ConversationMessage } from '../../../api/conversations';

/** The active branch of a conversation, root → leaf, each message with its siblings. */
export function fetchMessages(conversationId: string) {
  return api<{ items: ConversationMessage[] }>(
    `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
  );
}

/** Switches the conversation to the branch through this message (down to its newest reply). */
export function activateMessage(conversationId: string, messageId: string) {
  return api(
    `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/activate`,
    { method: 'POST' },
  );
}

/** Stops the reply being written; the server keeps it, interrupted, with what it had. */
export function stopReply(replyId: string) {
  return api(`/api/v1/chat/${encodeURIComponent(replyId)}/stop`, { method: 'POST' });
}
