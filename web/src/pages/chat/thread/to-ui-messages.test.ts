import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../../api/conversations';
import { toUIMessages } from './to-ui-messages';

const base: Omit<ConversationMessage, 'id' | 'parent_id' | 'role' | 'parts'> = {
  conversation_id: 'c1',
  status: 'complete',
  error: null,
  model: 'offline',
  metrics: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  branch: { index: 0, count: 1, sibling_ids: ['m1'] },
};

describe('stored messages as UI messages', () => {
  it('keeps ids, text, status, metrics and branch, and maps each tool state', () => {
    const metrics = {
      input_tokens: 10,
      output_tokens: 5,
      time_to_first_token_ms: 12,
      total_ms: 40,
      tokens_per_second: 125,
    };
    const messages: ConversationMessage[] = [
      { ...base, id: 'm1', parent_id: null, role: 'user', parts: [{ type: 'text', text: 'delete it' }] },
      {
        ...base,
        id: 'm2',
        parent_id: 'm1',
        role: 'assistant',
        status: 'awaiting_approval',
        metrics,
        branch: { index: 1, count: 2, sibling_ids: ['m0', 'm2'] },
        parts: [
          { type: 'reasoning', text: 'thinking' },
          {
            type: 'tool',
            tool_call_id: 't1',
            tool: 'search_tasks',
            input: { q: 'milk' },
            state: 'success',
            output: { n: 1 },
            duration_ms: 7,
          },
          {
            type: 'tool',
            tool_call_id: 't2',
            tool: 'add_task',
            input: {},
            state: 'error',
            error: 'INVALID: no title',
          },
          {
            type: 'tool',
            tool_call_id: 't3',
            tool: 'delete_task',
            input: { id: 'x' },
            state: 'denied',
            approval_id: 'a0',
          },
          {
            type: 'tool',
            tool_call_id: 't4',
            tool: 'delete_task',
            input: { id: 'y' },
            state: 'awaiting_approval',
            approval_id: 'a1',
          },
          {
            type: 'tool',
            tool_call_id: 't5',
            tool: 'delete_task',
            input: { id: 'z' },
            state: 'awaiting_approval',
            approval_id: 'a2',
            approved: true,
          },
          { type: 'tool', tool_call_id: 't6', tool: 'list_tasks', input: {}, state: 'running' },
          { type: 'text', text: 'Shall I?' },
        ],
      },
    ];
    const [question, reply] = toUIMessages(messages);
    expect(question).toEqual({
      id: 'm1',
      role: 'user',
      parts: [{ type: 'text', text: 'delete it', state: 'done' }],
      metadata: expect.objectContaining({ status: 'complete', parent_id: null }),
    });
    expect(reply?.metadata).toMatchObject({
      status: 'awaiting_approval',
      metrics,
      parent_id: 'm1',
      branch: { index: 1, count: 2 },
    });
    expect(reply?.parts).toEqual([
      { type: 'reasoning', text: 'thinking', state: 'done' },
      {
        type: 'tool-search_tasks',
        toolCallId: 't1',
        input: { q: 'milk' },
        state: 'output-available',
        output: { n: 1 },
        toolMetadata: { duration_ms: 7 },
      },
      {
        type: 'tool-add_task',
        toolCallId: 't2',
        input: {},
        state: 'output-error',
        errorText: 'INVALID: no title',
      },
      {
        type: 'tool-delete_task',
        toolCallId: 't3',
        input: { id: 'x' },
        state: 'output-denied',
        approval: { id: 'a0', approved: false },
      },
      {
        type: 'tool-delete_task',
        toolCallId: 't4',
        input: { id: 'y' },
        state: 'approval-requested',
        approval: { id: 'a1' },
      },
      {
        type: 'tool-delete_task',
        toolCallId: 't5',
        input: { id: 'z' },
        state: 'approval-responded',
        approval: { id: 'a2', approved: true },
      },
      { type: 'tool-list_tasks', toolCallId: 't6', input: {}, state: 'input-available' },
      { type: 'text', text: 'Shall I?', state: 'done' },
    ]);
  });

  it('leaves system messages out', () => {
    const system = { ...base, id: 's', parent_id: null, role: 'system' as const, parts: [] };
    expect(toUIMessages([system])).toEqual([]);
  });
});
