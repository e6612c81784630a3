/** The events this module publishes. `owner_id` lets a subscriber route system-caused events to the user. */
declare module '../../bus/events.js' {
  interface EventMap {
    'conversation.created': { conversation_id: string; owner_id: string };
    'conversation.updated': { conversation_id: string; owner_id: string; changes: string[] };
    'conversation.deleted': { conversation_id: string; owner_id: string };
    'conversations.imported': { owner_id: string; conversation_ids: string[] };
    'message.created': {
      conversation_id: string;
      message_id: string;
      role: 'user' | 'assistant' | 'system';
      owner_id: string;
    };
    /** A reply reached a final status (complete, interrupted or error) from streaming or awaiting approval. */
    'message.completed': {
      conversation_id: string;
      message_id: string;
      status: 'complete' | 'interrupted' | 'error';
      owner_id: string;
    };
    /**
     * A reply stopped to wait for the user's approval of these tool calls (answer them with
     * `approvals` in POST /api/v1/chat).
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
