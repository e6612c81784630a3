import { describe, expect, it } from 'vitest';
import type { Message } from '../../conversations/index.js';
import { modelMessageGroups } from './to-model-messages.js';

const reply = (parts: Message['parts']): Message => ({
  id: 'reply-1',
  conversation_id: 'c',
  parent_id: 'q',
  role: 'assistant',
  parts,
  status: 'interrupted',
  error: null,
  model: null,
  metrics: null,
  created_at: '',
  updated_at: '',
});

const approvedCall = {
  type: 'tool' as const,
  tool_call_id: 'call-1',
  tool: 'delete_task',
  input: { task_id: 't' },
  state: 'awaiting_approval' as const,
  approval_id: 'approval-1',
  approved: true,
};

describe('stored replies as model messages', () => {
  it('passes an approval on only for the reply that goes on now', () => {
    const [continuing] = modelMessageGroups([reply([approvedCall])], { continuing: 'reply-1' });
    expect(continuing?.[1]).toEqual({
      role: 'tool',
      content: [{ type: 'tool-approval-response', approvalId: 'approval-1', approved: true }],
    });
  });

  it('reads an approved call that never ran (the reply was cut off) as interrupted, so later turns stay valid', () => {
    const [history] = modelMessageGroups([reply([approvedCall])]);
    expect(history?.[1]).toMatchObject({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call-1',
          output: { type: 'error-text', value: 'The call was interrupted' },
        },
      ],
    });
  });

  it('keeps each step: text, calls and their results alternate', () => {
    const [history] = modelMessageGroups([
      reply([
        { type: 'text', text: 'Looking.' },
        {
          type: 'tool',
          tool_call_id: 'a',
          tool: 'list_tasks',
          input: {},
          state: 'success',
          output: { items: [] },
        },
        { type: 'text', text: 'Nothing left.' },
      ]),
    ]);
    expect(history?.map((message) => message.role)).toEqual(['assistant', 'tool', 'assistant']);
  });
});
