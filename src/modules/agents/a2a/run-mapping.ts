import { randomUUID } from 'node:crypto';
import { type Artifact, type Message, type Part, Role, TaskState, type TaskStatus } from '@a2a-js/sdk';
import { describeHeldCalls } from './approval-reply.js';
import type { RunLike } from './runs-port.js';

const stateOfRun: Record<RunLike['status'], TaskState> = {
  queued: TaskState.TASK_STATE_SUBMITTED,
  running: TaskState.TASK_STATE_WORKING,
  waiting: TaskState.TASK_STATE_INPUT_REQUIRED,
  succeeded: TaskState.TASK_STATE_COMPLETED,
  failed: TaskState.TASK_STATE_FAILED,
  cancelled: TaskState.TASK_STATE_CANCELED,
};

export const finalStates = new Set([
  TaskState.TASK_STATE_COMPLETED,
  TaskState.TASK_STATE_FAILED,
  TaskState.TASK_STATE_CANCELED,
  TaskState.TASK_STATE_REJECTED,
]);

export function textPart(text: string): Part {
  return {
    content: { $case: 'text', value: text },
    mediaType: 'text/plain',
    filename: '',
    metadata: undefined,
  };
}

/** The words of a message: its text parts, and its data parts as JSON. */
export function textOf(message: Message | undefined): string {
  return (message?.parts ?? [])
    .map((part) => {
      if (part.content?.$case === 'text') return part.content.value;
      if (part.content?.$case === 'data') return JSON.stringify(part.content.value);
      if (part.content?.$case === 'url') return part.content.value;
      return '';
    })
    .filter((text) => text.length > 0)
    .join('\n');
}

export function agentMessage(text: string, ids: { taskId: string; contextId: string }): Message {
  return {
    messageId: randomUUID(),
    contextId: ids.contextId,
    taskId: ids.taskId,
    role: Role.ROLE_AGENT,
    parts: [textPart(text)],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

/** What the run says, in words, at its status (the output, the error, what it waits for). */
function wordsOf(run: RunLike): string | undefined {
  if (run.status === 'succeeded') return run.output ?? '';
  if (run.status === 'failed')
    return run.error ? `${run.error.code}: ${run.error.message}` : 'The run failed';
  if (run.status === 'waiting')
    return run.approvals?.length
      ? describeHeldCalls(run.approvals)
      : 'The agent waits for an approval: answer it in this task or in Switchboard';
  if (run.status === 'cancelled') return 'The run was cancelled';
  return undefined;
}

/** The A2A status of a task whose run is in `run`'s state. */
export function statusOfRun(run: RunLike, ids: { taskId: string; contextId: string }, at: Date): TaskStatus {
  const words = wordsOf(run);
  return {
    state: stateOfRun[run.status],
    message: words === undefined ? undefined : agentMessage(words, ids),
    timestamp: at.toISOString(),
  };
}

/** The artifact a finished run leaves: its output text. */
export function outputArtifact(run: RunLike): Artifact {
  return {
    artifactId: `${run.id}-output`,
    name: 'output',
    description: 'The agent’s answer',
    parts: [textPart(run.output ?? '')],
    metadata: { run_id: run.id },
    extensions: [],
  };
}
