import { describe, expect, it } from 'vitest';
import { parseApprovalReply } from './approval-reply.js';

const held = [
  { approval_id: 'ap-1', tool: 'delete_task', input: { task_id: 't1' } },
  { approval_id: 'ap-2', tool: 'delete_resource', input: { id: 'r1' } },
];

describe('an A2A reply to held tool calls', () => {
  it('answers each call named by its approval id, with the refusal’s reason', () => {
    expect(parseApprovalReply('approve ap-1\nrefuse ap-2: keep that one', held)).toEqual({
      answers: [
        { approval_id: 'ap-1', approved: true },
        { approval_id: 'ap-2', approved: false, reason: 'keep that one' },
      ],
    });
    expect(parseApprovalReply('Deny ap-2\nAPPROVE ap-1', held)).toEqual({
      answers: [
        { approval_id: 'ap-2', approved: false },
        { approval_id: 'ap-1', approved: true },
      ],
    });
  });

  it('answers every call with "approve all" or "refuse all"', () => {
    expect(parseApprovalReply('approve all', held)).toEqual({
      answers: [
        { approval_id: 'ap-1', approved: true },
        { approval_id: 'ap-2', approved: true },
      ],
    });
    expect(parseApprovalReply('refuse all: not today', held)).toEqual({
      answers: [
        { approval_id: 'ap-1', approved: false, reason: 'not today' },
        { approval_id: 'ap-2', approved: false, reason: 'not today' },
      ],
    });
  });

  it.each([
    ['ok', /"ok" is not an answer/],
    ['yes, go ahead', /is not an answer/],
    ['', /answers nothing/],
    ['approve ap-1', /No answer for ap-2 \(delete_resource\)/],
    ['approve ap-1\napprove ap-1\nrefuse ap-2', /ap-1 is answered twice/],
    ['approve ap-9\napprove ap-1\napprove ap-2', /holds no call ap-9/],
    ['approve all\nrefuse ap-2', /"all" must be the only line/],
  ])('answers nothing to the ambiguous %j, and says why', (text, why) => {
    const reply = parseApprovalReply(text, held);
    expect(reply).toEqual({ problem: expect.stringMatching(why) });
  });
});
