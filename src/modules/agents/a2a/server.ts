import type { CancelTaskRequest, Task } from '@a2a-js/sdk';
import {
  DefaultExecutionEventBusManager,
  DefaultRequestHandler,
  type ServerCallContext,
} from '@a2a-js/sdk/server';
import type { UserActor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { DomainError } from '../../../errors.js';
import type { FeatureGate } from '../../../features/index.js';
import type { Logger } from '../../../logger.js';
import type { AgentLike, AgentsCatalog } from '../marketplace/agent-source.js';
import { agentCardOf } from './agent-card.js';
import { callerOf } from './caller.js';
import { type AnswerWaitingRun, createA2aExecutor } from './executor.js';
import { finalStates } from './run-mapping.js';
import { publicRuns } from './public-runs.js';
import type { AgentRunsPort } from './runs-port.js';
import { createA2aTaskStore, runIdOf } from './task-store.js';

/**
 * Our agents as A2A servers, with the official SDK's request handler: one task store (our table)
 * and one executor (agent runs) for all agents; a handler per call carries the asked agent's card.
 */
export function createA2aServer({
  db,
  clock,
  agents,
  runs: runsService,
  answerWaiting,
  logger,
  features,
}: {
  db: Database;
  clock: Clock;
  agents: AgentsCatalog;
  runs: AgentRunsPort;
  answerWaiting?: AnswerWaitingRun;
  logger: Logger;
  /** Our agents answer FEATURE_DISABLED over A2A while an admin has A2A switched off. */
  features: FeatureGate;
}) {
  const runs = publicRuns(runsService, logger);
  const taskStore = createA2aTaskStore({ db, clock, runs });
  const executor = createA2aExecutor({ runs, clock, ...(answerWaiting ? { answerWaiting } : {}) });
  const buses = new DefaultExecutionEventBusManager();

  /** Cancelling a task cancels its run first (the SDK alone would only mark the task). */
  class AgentRequestHandler extends DefaultRequestHandler {
    override async cancelTask(params: CancelTaskRequest, context: ServerCallContext): Promise<Task> {
      const task = await taskStore.load(params.id, context);
      const runId = task ? runIdOf(task) : undefined;
      const state = task?.status?.state;
      if (runId !== undefined && (state === undefined || !finalStates.has(state))) {
        await runs.cancel(callerOf(context).actor, runId).catch((error: unknown) => {
          // A run that ended meanwhile cannot be cancelled: the SDK then answers not cancelable.
          if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
        });
      }
      return super.cancelTask(params, context);
    }
  }

  return {
    /** The agent the caller may reach over A2A (any agent they may read); not found otherwise. */
    async agentFor(actor: UserActor, agentId: string): Promise<AgentLike> {
      await features.require('a2a');
      return agents.get(actor, agentId);
    },

    /** The SDK's request handler for one agent, its card naming `baseUrl`. */
    handlerFor(agent: AgentLike, baseUrl: string): DefaultRequestHandler {
      return new AgentRequestHandler(agentCardOf(agent, baseUrl), taskStore, executor, buses);
    },
  };
}

export type A2aServer = ReturnType<typeof createA2aServer>;
