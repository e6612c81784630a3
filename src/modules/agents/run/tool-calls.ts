import type { ModelMessage } from 'ai';
import type { AgentRunToolCall } from '../schema.js';
import type { ApprovalAnswer } from './approvals.js';
import type { StepOutcome } from './model-step.js';

/** A step of the run's DBOS workflow as `DBOS.listWorkflowSteps` answers it. */
export interface RecordedStep {
  name: string;
  output: unknown;
}

/** The DBOS name of a model step (`step-3`) and of the receive that took the owner's answers. */
const modelStepName = /^step-(\d+)$/;
const receiveName = 'DBOS.recv';

/**
 * The tool calls of a run, read from its recorded steps: each model step's messages hold the calls
 * (input), the held ones (approval requests) and the results (output, error or refusal); a step
 * records how long each tool ran; a receive records the owner's answers to held calls. A call held
 * and answered runs in the next step, whose result then completes it.
 */
export function toolCallsOf(steps: RecordedStep[]): AgentRunToolCall[] {
  const calls = new Map<string, AgentRunToolCall>();
  for (const recorded of steps) {
    const number = modelStepName.exec(recorded.name)?.[1];
    if (number !== undefined && isOutcome(recorded.output)) {
      readMessages(calls, Number(number), recorded.output);
    } else if (recorded.name === receiveName && Array.isArray(recorded.output)) {
      readAnswers(calls, recorded.output as ApprovalAnswer[]);
    }
  }
  return [...calls.values()];
}

function isOutcome(output: unknown): output is StepOutcome {
  return typeof output === 'object' && output !== null && Array.isArray((output as StepOutcome).messages);
}

function readMessages(calls: Map<string, AgentRunToolCall>, step: number, outcome: StepOutcome): void {
  for (const message of outcome.messages as ModelMessage[]) {
    if (typeof message.content === 'string') continue;
    for (const part of message.content) {
      if (part.type === 'tool-call') {
        calls.set(part.toolCallId, {
          tool_call_id: part.toolCallId,
          tool: part.toolName,
          step,
          input: part.input,
          state: 'running',
        });
      } else if (part.type === 'tool-approval-request') {
        const call = calls.get(part.toolCallId);
        if (call) Object.assign(call, { state: 'awaiting_approval', approval_id: part.approvalId });
      } else if (part.type === 'tool-result') {
        const call = calls.get(part.toolCallId);
        if (!call) continue;
        Object.assign(call, resultOf(part.output));
        const duration = outcome.toolDurations?.[part.toolCallId];
        if (duration !== undefined) call.duration_ms = duration;
      }
    }
  }
}

function readAnswers(calls: Map<string, AgentRunToolCall>, answers: ApprovalAnswer[]): void {
  for (const call of calls.values()) {
    const answer = answers.find((candidate) => candidate.approval_id === call.approval_id);
    if (call.state === 'awaiting_approval' && call.approved === undefined)
      call.approved = answer?.approved === true;
  }
}

/** A result part's output as the card's state: success with the value, error with the text, or refused. */
function resultOf(
  output: Extract<
    Extract<ModelMessage, { role: 'tool' }>['content'][number],
    { type: 'tool-result' }
  >['output'],
): Pick<AgentRunToolCall, 'state' | 'output' | 'error'> {
  switch (output.type) {
    case 'json':
    case 'text':
    case 'content':
      return { state: 'success', output: output.value };
    case 'error-text':
      return { state: 'error', error: output.value };
    case 'error-json':
      return { state: 'error', error: JSON.stringify(output.value) };
    case 'execution-denied':
      return { state: 'denied', ...(output.reason ? { error: output.reason } : {}) };
  }
}
