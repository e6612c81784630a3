import { z } from 'zod';

const id = z.string();

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

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const conversationEventSchemas = {
  'conversation.created': z.object({ conversation_id: id, owner_id: id }),
  'conversation.updated': z.object({ conversation_id: id, owner_id: id, changes: z.array(z.string()) }),
  'conversation.deleted': z.object({ conversation_id: id, owner_id: id }),
  'conversations.imported': z.object({ owner_id: id, conversation_ids: z.array(id) }),
  'message.created': z.object({
    conversation_id: id,
    message_id: id,
    role: z.enum(['user', 'assistant', 'system']),
    owner_id: id,
  }),
  'message.completed': z.object({
    conversation_id: id,
    message_id: id,
    status: z.enum(['complete', 'interrupted', 'error']),
    owner_id: id,
  }),
  'message.approval_requested': z.object({
    conversation_id: id,
    message_id: id,
    owner_id: id,
    tool_calls: z.array(z.object({ tool_call_id: id, approval_id: id, tool: z.string() })),
  }),
};
