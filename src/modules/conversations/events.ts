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
  }
}

export {};
