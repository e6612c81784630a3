import type { UserActor } from '../../../actor.js';
import type { AgentRunsService } from '../service/runs.js';
import { describeHeldCalls, parseApprovalReply } from './approval-reply.js';
import type { AnswerWaitingRun } from './executor.js';

/**
 * A2A's `input-required`: a follow-up message to a task whose run waits for approval answers the
 * tool calls the run holds, each explicitly (`approval-reply.ts`: `approve <id>`, `refuse <id>:
 * <reason>`, `approve all`, `refuse all: <reason>`). A reply that is not such an answer leaves the
 * run waiting, and the words saying why are returned.
 */
export function answerWaitingFromText(
  runs: Pick<AgentRunsService, 'get' | 'answerApprovals'>,
): AnswerWaitingRun {
  return async (actor: UserActor, runId: string, answer: string) => {
    const run = await runs.get(actor, runId);
    if (run.status !== 'waiting' || run.approvals.length === 0) return undefined;
    const reply = parseApprovalReply(answer, run.approvals);
    if ('problem' in reply)
      return `Nothing was answered: ${reply.problem}\n${describeHeldCalls(run.approvals)}`;
    await runs.answerApprovals(actor, runId, { approvals: reply.answers });
    return undefined;
  };
}
