import type { UIMessage } from 'ai';
import type { ConversationMessage, MessageMetrics, MessageStatus } from '../../../api/conversations';

/**
 * What the thread knows about a message beyond its parts: from the stored message, or from the
 * stream (`start` carries the conversation id and model, `finish` the status and metrics).
 */
export interface MessageMetadata {
  conversation_id?: string;
  model?: string | null;
  status?: MessageStatus;
  metrics?: MessageMetrics | null;
  error?: { code: string; message: string } | null;
  /** Only on messages read back from the server: their id is the stored one. */
  parent_id?: string | null;
  branch?: ConversationMessage['branch'];
}

/** A message as the thread shows it: the AI SDK's UI message with our metadata. */
export type ThreadMessage = UIMessage<MessageMetadata>;

/** Where the conversation's messages are cached; under ['conversations'] so live events refresh it. */
export const messagesKey = (conversationId: string) => ['conversations', conversationId, 'messages'] as const;

/** The thread's own key for one conversation. */
export const conversationKey = (conversationId: string) => ['conversations', conversationId] as const;
