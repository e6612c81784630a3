import { TaskState } from '@a2a-js/sdk';
import { AgentEvent, type AgentExecutor, type ExecutionEventBus } from '@a2a-js/sdk/server';
import type { UserActor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import { callerOf } from './caller.js';
import { agentMessage, outputArtifact, statusOfRun, textOf, textPart } from './run-mapping.js';
import { type AgentRunsPort, finishedStatuses, type RunLike } from './runs-port.js';
import { runIdOf } from './task-store.js';

/** How long one wait for the run lasts before the executor looks again (a cancel shows at once anyway). */
const waitSliceMs = 5_000;

/**
 * Answers a follow-up message of a task whose run waits for approvals ("approve <id>", "refuse all:
 * …"); answers with why nothing was answered when the message is not such an answer.
 */
export type AnswerWaitingRun = (
  actor: UserActor,
  runId: string,
  answer: string,
) => Promise<string | undefined>;

/**
 * Our agents behind the A2A SDK: a message starts an agent run (durable, on DBOS) as the caller;
 * the task follows the run (submitted → working → completed with the output as an artifact, or
 * failed, canceled, input-required while the run waits for an approval). A follow-up message to
 * an input-required task is the answer to its approvals.
 */
export function createA2aExecutor({
  runs,
  clock,
  answerWaiting,
}: {
  runs: AgentRunsPort;
  clock: Clock;
  answerWaiting?: AnswerWaitingRun;
}): AgentExecutor & { isLive(taskId: string): boolean } {
  /** Tasks executing in this process: the ids their cancel needs. */
  const live = new Map<string, { contextId: string; cancelled: boolean }>();

  function publishStatus(bus: ExecutionEventBus, run: RunLike, ids: { taskId: string; contextId: string }) {
    if (run.status === 'succeeded') {
      bus.publish(
        AgentEvent.artifactUpdate({
          ...ids,
          artifact: outputArtifact(run),
          append: false,
          lastChunk: true,
          metadata: undefined,
        }),
      );
    }
    bus.publish(
      AgentEvent.statusUpdate({ ...ids, status: statusOfRun(run, ids, clock.now()), metadata: undefined }),
    );
  }

  /** Streams the run's text as it is written: appended parts of the output artifact. */
  function followOutput(
    runId: string,
    bus: ExecutionEventBus,
    ids: { taskId: string; contextId: string },
    execution: { cancelled: boolean },
  ): (() => void) | undefined {
    return runs.follow?.(runId, (chunk) => {
      if (execution.cancelled || chunk?.type !== 'text-delta' || !chunk.delta) return;
      const artifact = outputArtifact({ id: runId, status: 'running', output: null, error: null });
      bus.publish(
        AgentEvent.artifactUpdate({
          ...ids,
          artifact: { ...artifact, parts: [textPart(chunk.delta)] },
          append: true,
          lastChunk: false,
          metadata: undefined,
        }),
      );
    });
  }

  return {
    isLive: (taskId) => live.has(taskId),

    async execute(requestContext, bus) {
      const { actor, agentId } = callerOf(requestContext.context);
      const ids = { taskId: requestContext.taskId, contextId: requestContext.contextId };
      const previous = requestContext.task;
      let runId = previous ? runIdOf(previous) : undefined;
      if (previous && runId) {
        bus.publish(AgentEvent.task(previous));
        const problem = await answerWaiting?.(actor, runId, textOf(requestContext.userMessage));
        if (problem) {
          // Not an answer: the run waits on, the task stays input-required and says why.
          bus.publish(
            AgentEvent.statusUpdate({
              ...ids,
              status: {
                state: TaskState.TASK_STATE_INPUT_REQUIRED,
                message: agentMessage(problem, ids),
                timestamp: clock.now().toISOString(),
              },
              metadata: undefined,
            }),
          );
          return;
        }
      } else {
        const run = await runs.start(actor, agentId, { input: textOf(requestContext.userMessage) });
        runId = run.id;
        bus.publish(
          AgentEvent.task({
            id: ids.taskId,
            contextId: ids.contextId,
            status: {
              state: TaskState.TASK_STATE_SUBMITTED,
              message: undefined,
              timestamp: clock.now().toISOString(),
            },
            artifacts: [],
            history: [requestContext.userMessage],
            metadata: { run_id: run.id, agent_id: agentId },
          }),
        );
      }
      const execution = { contextId: ids.contextId, cancelled: false };
      live.set(ids.taskId, execution);
      try {
        bus.publish(
          AgentEvent.statusUpdate({
            ...ids,
            status: {
              state: TaskState.TASK_STATE_WORKING,
              message: undefined,
              timestamp: clock.now().toISOString(),
            },
            metadata: undefined,
          }),
        );
        let unfollow: (() => void) | undefined;
        try {
          for (let slice = 0; ; slice += 1) {
            unfollow ??= followOutput(runId, bus, ids, execution);
            // Quick looks until the run is followed here (its first chunk), then long waits.
            const timeout = unfollow || slice > 50 ? waitSliceMs : 100;
            const run = await runs.wait(actor, runId, { timeout_ms: timeout });
            // A cancel published its own final status.
            if (execution.cancelled) return;
            if (finishedStatuses.has(run.status) || run.status === 'waiting') {
              unfollow?.();
              unfollow = () => {};
              return publishStatus(bus, run, ids);
            }
          }
        } finally {
          unfollow?.();
        }
      } finally {
        live.delete(ids.taskId);
      }
    },

    /** The run itself is cancelled by the request handler (it has the caller); this ends the stream. */
    async cancelTask(taskId, bus) {
      const execution = live.get(taskId);
      if (execution) execution.cancelled = true;
      const ids = { taskId, contextId: execution?.contextId ?? '' };
      bus.publish(
        AgentEvent.statusUpdate({
          ...ids,
          status: statusOfRun({ id: '', status: 'cancelled', output: null, error: null }, ids, clock.now()),
          metadata: undefined,
        }),
      );
    },
  };
}
