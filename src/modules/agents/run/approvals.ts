import type { ModelMessage } from 'ai';
import type { PendingApproval } from '../table.js';

/** The DBOS topic a waiting run receives its owner's answer on. */
export const approvalTopic = 'agent-run-approval';

/** The owner's answer to one held tool call. */
export interface ApprovalAnswer {
  approval_id: string;
  approved: boolean;
  reason?: string | undefined;
}

/** The tool calls a step's messages hold for approval (the SDK's `tool-approval-request` parts). */
export function approvalsIn(messages: ModelMessage[]): PendingApproval[] {
  const calls = new Map<string, { tool: string; input: unknown }>();
  const pending: PendingApproval[] = [];
  for (const message of messages) {
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    for (const part of message.content) {
      if (part.type === 'tool-call') calls.set(part.toolCallId, { tool: part.toolName, input: part.input });
      if (part.type === 'tool-approval-request') {
        const call = calls.get(part.toolCallId);
        pending.push({ approval_id: part.approvalId, tool: call?.tool ?? '', input: call?.input ?? null });
      }
    }
  }
  return pending;
}

/** The answers as the message the next step reads (unanswered calls are refused). */
export function approvalResponses(pending: PendingApproval[], answers: ApprovalAnswer[]): ModelMessage {
  return {
    role: 'tool',
    content: pending.map((held) => {
      const answer = answers.find((candidate) => candidate.approval_id === held.approval_id);
      return {
        type: 'tool-approval-response' as const,
        approvalId: held.approval_id,
        approved: answer?.approved === true,
        ...(answer?.reason ? { reason: answer.reason } : {}),
      };
    }),
  };
}
