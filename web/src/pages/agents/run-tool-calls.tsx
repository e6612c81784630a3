import { useState } from 'react';
import type { AgentRunDetail } from '../../api/agent-types';
import { ErrorNotice } from '../../components/feedback';
import { toToolPart } from '../../components/tool-card/stored-tool-part';
import { ToolCard } from '../../components/tool-card/tool-card';
import { useAgentMutations } from './agent-api';

/**
 * The tools a run called, in the order made, each drawn with the chat's tool card: what it was
 * given, what it answered or why it failed, how long it took, and whether it waits for approval.
 * The calls a waiting run holds are answered together once each has its yes or no (the server
 * refuses a call left out of the answer).
 */
export function RunToolCalls({ run }: { run: AgentRunDetail }) {
  const { answer } = useAgentMutations();
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  if (run.tool_calls.length === 0) return null;
  const held = run.status === 'waiting' ? run.approvals : [];
  const onAnswer = (approvalId: string, approved: boolean) => {
    const next = { ...answers, [approvalId]: approved };
    setAnswers(next);
    if (held.every((call) => next[call.approval_id] !== undefined))
      answer.mutate(
        {
          runId: run.id,
          approvals: held.map((call) => ({
            approval_id: call.approval_id,
            approved: next[call.approval_id] === true,
          })),
        },
        // Not delivered: the calls wait again for an answer.
        { onError: () => setAnswers({}) },
      );
  };
  return (
    <div className="mb-2">
      <ErrorNotice error={answer.error} className="mb-2" />
      <ol aria-label="Tool calls">
        {run.tool_calls.map((call) => {
          const given = call.approval_id === undefined ? undefined : answers[call.approval_id];
          const shown =
            call.state === 'awaiting_approval' && given !== undefined ? { ...call, approved: given } : call;
          return (
            <li key={call.tool_call_id}>
              <ToolCard part={toToolPart(shown)} onAnswer={onAnswer} answering={answer.isPending} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
