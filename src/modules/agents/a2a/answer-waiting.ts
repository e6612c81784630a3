import type { UserActor } from '../../../actor.js';
import type { AgentRunsService } from '../service/runs.js';
import type { AnswerWaitingRun } from './executor.js';

/** A follow-up that approves: "yes", "ok", "approve", "go ahead" … at its start. */
const approving = /^\s*(?:yes|y|ok|okay|sure|approve[ds]?|go ahead|confirm(?:ed)?)\b/i;

/**
 * A2A's `input-required`: a follow-up message to a task whose run waits for approval answers every
 * tool call the run holds, approved when the message says yes, else refused with its text as the
 * reason.
 */
export function answerWaitingFromText(
  runs: Pick<AgentRunsService, 'get' | 'answerApprovals'>,
): AnswerWaitingRun {
  return async (actor: UserActor, runId: string, answer: string) => {
    const run = await runs.get(actor, runId);
    if (run.status !== 'waiting' || run.approvals.length === 0) return;
    const approved = approving.test(answer);
    await runs.answerApprovals(actor, runId, {
      approvals: run.approvals.map((held) => ({
        approval_id: held.approval_id,
        approved,
        ...(approved ? {} : { reason: answer.slice(0, 2_000) }),
      })),
    });
  };
}
