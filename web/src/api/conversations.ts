/**
 * Conversations and their messages as the REST API answers them (docs/conversations.md): the chat
 * page's sidebar and thread share these shapes, imported from the server's schemas.
 */
import type {
  ListedMessage,
  MessageMetrics as ServerMessageMetrics,
  messageStatuses,
  Part,
  toolStates,
} from '@server/modules/conversations/schema';

export type {
  Conversation,
  ConversationPage,
  MessageHit,
  ImportResult,
} from '@server/modules/conversations/schema';

export type MessageStatus = (typeof messageStatuses)[number];
export type ToolState = (typeof toolStates)[number];
export type MessagePart = Part;
export type MessageMetrics = ServerMessageMetrics;
export type ConversationMessage = ListedMessage;
