/** The events this module publishes. `ownerId` lets a subscriber route system-caused events to the user. */
declare module '../../bus/events.js' {
  interface EventMap {
    'conversation.created': { conversationId: string; ownerId: string };
    'conversation.updated': { conversationId: string; ownerId: string; changes: string[] };
    'conversation.deleted': { conversationId: string; ownerId: string };
    'conversations.imported': { ownerId: string; conversationIds: string[] };
    'message.created': {
      conversationId: string;
      messageId: string;
      role: 'user' | 'assistant' | 'system';
      ownerId: string;
    };
    /** A reply reached a final status (complete, interrupted or error) from streaming or awaiting approval. */
    'message.completed': {
      conversationId: string;
      messageId: string;
      status: 'complete' | 'interrupted' | 'error';
      ownerId: string;
    };
    /**
     * A reply stopped to wait for the user's approval of these tool calls (answer them with
     * `approvals` in POST /api/v1/chat). New fields are snake_case, as the wire is becoming.
     */
    'message.approval_requested': {
      conversation_id: string;
      message_id: string;
      owner_id: string;
      tool_calls: { tool_call_id: string; approval_id: string; tool: string }[];
    };
  }
}

export {};
