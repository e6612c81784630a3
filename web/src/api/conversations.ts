/**
 * Conversations and their messages as the REST API answers them (docs/conversations.md): the chat
 * page's sidebar and thread share these shapes.
 */
import type { Page } from './types';

export type MessageStatus = 'complete' | 'streaming' | 'awaiting_approval' | 'interrupted' | 'error';
export type ToolState = 'running' | 'awaiting_approval' | 'success' | 'error' | 'denied';

export interface Conversation {
  id: string;
  title: string;
  pinned: boolean;
  archived: boolean;
  tags: string[];
  model: string | null;
  /** The leaf of the branch shown and sent to the model. */
  active_message_id: string | null;
  message_count: number;
  created_at: string;
  updated_at: string;
  last_message_at: string | null;
}
export type ConversationPage = Page<Conversation>;

export type MessagePart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | {
      type: 'tool';
      tool_call_id: string;
      tool: string;
      input: unknown;
      state: ToolState;
      output?: unknown;
      error?: string;
      duration_ms?: number;
      approval_id?: string;
      approved?: boolean;
    }
  | { type: 'file'; name: string; media_type: string; resource_id?: string; url?: string };

export interface MessageMetrics {
  input_tokens: number | null;
  output_tokens: number | null;
  time_to_first_token_ms: number | null;
  total_ms: number | null;
  tokens_per_second: number | null;
}

export interface ConversationMessage {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: 'user' | 'assistant' | 'system';
  parts: MessagePart[];
  status: MessageStatus;
  error: { code: string; message: string } | null;
  model: string | null;
  metrics: MessageMetrics | null;
  created_at: string;
  updated_at: string;
  /** Where this message sits among the messages sharing its parent (edits and regenerations). */
  branch: { index: number; count: number; sibling_ids: string[] };
}
