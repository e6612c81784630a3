import { Task } from '@a2a-js/sdk';
import type { ServerCallContext, TaskStore } from '@a2a-js/sdk/server';
import type { ListTasksRequest, ListTasksResponse } from '@a2a-js/sdk';
import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { callerOf } from './caller.js';
import { finalStates, outputArtifact, statusOfRun } from './run-mapping.js';
import { type AgentRunsPort, finishedStatuses } from './runs-port.js';
import { a2aTasks } from './tables.js';

/** The run a task maps onto, kept in the task's metadata by the executor. */
export function runIdOf(task: Task): string | undefined {
  const runId: unknown = task.metadata?.run_id;
  return typeof runId === 'string' ? runId : undefined;
}

/**
 * The A2A SDK's task store on our database. A task is its caller's and its agent's only: another
 * user (or the same task id at another agent) loads nothing, which the SDK answers as task not
 * found. A task whose run ended while nobody listened (another instance, a restart) is brought up
 * to date from the run when it is read.
 */
export function createA2aTaskStore({
  db,
  clock,
  runs,
}: {
  db: Database;
  clock: Clock;
  runs: AgentRunsPort;
}): TaskStore {
  async function catchUp(task: Task, context: ServerCallContext): Promise<Task> {
    const runId = runIdOf(task);
    const state = task.status?.state;
    if (runId === undefined || (state !== undefined && finalStates.has(state))) return task;
    const run = await runs.get(callerOf(context).actor, runId).catch(() => undefined);
    if (!run || !finishedStatuses.has(run.status)) return task;
    const ids = { taskId: task.id, contextId: task.contextId };
    const caughtUp: Task = {
      ...task,
      status: statusOfRun(run, ids, clock.now()),
      artifacts: run.status === 'succeeded' ? [outputArtifact(run)] : task.artifacts,
    };
    await store.save(caughtUp, context);
    return caughtUp;
  }

  const store: TaskStore = {
    async save(task, context) {
      const { actor, agentId } = callerOf(context);
      const now = clock.now();
      const json = Task.toJSON(task) as Record<string, unknown>;
      const values = { runId: runIdOf(task) ?? null, task: json, updatedAt: now };
      await db
        .insert(a2aTasks)
        .values({
          id: task.id,
          ownerId: actor.userId,
          agentId,
          contextId: task.contextId,
          createdAt: now,
          ...values,
        })
        .onConflictDoUpdate({
          target: a2aTasks.id,
          set: values,
          // Never over another user's task of the same id.
          setWhere: and(eq(a2aTasks.ownerId, actor.userId), eq(a2aTasks.agentId, agentId)),
        });
    },

    async load(taskId, context) {
      const { actor, agentId } = callerOf(context);
      const [row] = await db
        .select({ task: a2aTasks.task })
        .from(a2aTasks)
        .where(
          and(eq(a2aTasks.id, taskId), eq(a2aTasks.ownerId, actor.userId), eq(a2aTasks.agentId, agentId)),
        );
      if (!row) return undefined;
      return catchUp(Task.fromJSON(row.task), context);
    },

    async list(params: ListTasksRequest, context): Promise<ListTasksResponse> {
      const { actor, agentId } = callerOf(context);
      const pageSize = Math.min(Math.max(params.pageSize ?? 50, 1), 100);
      const rows = await db
        .select({ task: a2aTasks.task })
        .from(a2aTasks)
        .where(
          and(
            eq(a2aTasks.ownerId, actor.userId),
            eq(a2aTasks.agentId, agentId),
            params.contextId ? eq(a2aTasks.contextId, params.contextId) : undefined,
          ),
        )
        .orderBy(desc(a2aTasks.createdAt))
        .limit(pageSize);
      const tasks = rows.map((row) => Task.fromJSON(row.task));
      return { tasks, nextPageToken: '', pageSize, totalSize: tasks.length };
    },
  };
  return store;
}
