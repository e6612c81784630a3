import { outsideEngine } from '../../../engine/index.js';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, desc, eq, lt, notInArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { AgentDeps } from '../deps.js';
import {
  AgentCycleError,
  AgentDepthError,
  AgentEngineUnavailableError,
  AgentRunNotFoundError,
  AgentRunStateError,
} from '../errors.js';
import { createAgentExecutor, type AgentExecutor } from '../run/executor.js';
import { type ApprovalAnswer, approvalTopic } from '../run/approvals.js';
import { createLiveStreams } from '../run/live-streams.js';
import { toolCallsOf } from '../run/tool-calls.js';
import { createRunRecords, endStatuses, toRunView } from '../run/records.js';
import {
  type AgentAnswer,
  type AgentRunDetail,
  type AnswerAgentRunApprovalsInput,
  answerAgentRunApprovalsInputSchema,
  type AgentRunPage,
  type AgentRunView,
  type ListAgentRunsQuery,
  listAgentRunsQuerySchema,
  type StartRunOptions,
} from '../schema.js';
import { type AgentRunRow, type AgentRunStatus, agentRuns } from '../table.js';
import type { AgentDefinitions } from './definitions.js';
import { createAgentHealth } from './health.js';
import '../events.js';

/** Agents calling agents nest at most this deep (a run started by a person is depth 0). */
export const maxAgentDepth = 3;

/** Options of `ask` beside the input: where the run sits in a chain of agents, and how long to wait. */
export interface AskOptions {
  parent_run_id?: string | undefined;
  team_run_id?: string | undefined;
  depth?: number | undefined;
  /** The run's id, chosen by a caller that must find the same run when it asks again (a replayed step). */
  run_id?: string | undefined;
  /** How long to wait for the answer; the run goes on when the wait ends. Default: the agent's timeout and a little. */
  timeout_ms?: number | undefined;
  /** The caller went away: the run is cancelled. */
  signal?: AbortSignal | undefined;
  /**
   * Wait through the run's waits for approval, for its end: a workflow step or a team member needs
   * the answer, not the question (by default a waiting run answers as it stands).
   */
  until_ended?: boolean | undefined;
}

/**
 * Agent runs: one run is the chat loop with the agent's definition, as the calling user, on the
 * durable engine (run/executor.ts). Another user's run is not found. A run started from another
 * run (an agent calling an agent) is refused past `maxAgentDepth` (AGENT_DEPTH_EXCEEDED) or when
 * the agent is already in its chain of callers (AGENT_CYCLE).
 */
export function createAgentRunsService(deps: AgentDeps & { definitions: AgentDefinitions }) {
  const { db, clock, ids, bus, definitions, engine } = deps;
  const records = createRunRecords(db);
  const live = createLiveStreams();
  const late: { service?: AgentRunsService } = {};
  const executor: AgentExecutor | undefined = engine
    ? createAgentExecutor(deps, {
        records,
        live,
        ask: () => (actor, agent, input, options) =>
          (late.service as AgentRunsService).ask(actor, agent, input, options),
      })
    : undefined;

  async function loadOwned(actor: Actor, runId: string): Promise<AgentRunRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(agentRuns)
      .where(and(eq(agentRuns.id, runId), eq(agentRuns.ownerId, userId)));
    if (!row) throw new AgentRunNotFoundError(runId);
    return row;
  }

  /** The agents of a run's chain of callers, the run's own first, and its depth. */
  async function chainOf(
    actor: Actor,
    parentRunId: string,
  ): Promise<{ agents: string[]; names: string[]; depth: number }> {
    const parent = await loadOwned(actor, parentRunId);
    const agents = [parent.agentId];
    const names = [parent.agentName];
    let above = parent.parentRunId;
    for (let hops = 0; above && hops <= maxAgentDepth; hops++) {
      const [row] = await db.select().from(agentRuns).where(eq(agentRuns.id, above));
      if (!row) break;
      agents.push(row.agentId);
      names.push(row.agentName);
      above = row.parentRunId;
    }
    return { agents, names: names.reverse(), depth: parent.depth + 1 };
  }

  const health = createAgentHealth(deps);
  const service = {
    /** Starts a run of a visible agent as the actor (a DBOS workflow); answers at once with it queued. */
    async start(
      actor: Actor,
      agentIdOrName: string,
      options: StartRunOptions & { run_id?: string | undefined },
    ): Promise<AgentRunView> {
      const user = requireUser(actor);
      if (!executor) throw new AgentEngineUnavailableError();
      if (options.run_id) {
        const [existing] = await db
          .select()
          .from(agentRuns)
          .where(and(eq(agentRuns.id, options.run_id), eq(agentRuns.ownerId, user.userId)));
        if (existing) {
          if (existing.status === 'queued') await outsideEngine(() => executor.start(existing.id));
          return toRunView(existing);
        }
      }
      const agent = await definitions.loadVisible(actor, agentIdOrName);
      let depth = options.depth ?? 0;
      if (options.parent_run_id) {
        const chain = await chainOf(actor, options.parent_run_id);
        if (chain.agents.includes(agent.id)) throw new AgentCycleError([...chain.names, agent.name]);
        depth = chain.depth;
      }
      if (depth > maxAgentDepth) throw new AgentDepthError(maxAgentDepth);
      const [row] = await db
        .insert(agentRuns)
        .values({
          id: options.run_id ?? `arun_${ids()}`,
          ownerId: user.userId,
          agentId: agent.id,
          agentName: agent.name,
          agentVersion: agent.version,
          parentRunId: options.parent_run_id ?? null,
          teamRunId: options.team_run_id ?? null,
          depth,
          status: 'queued',
          input: options.input,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('The run was not stored');
      await outsideEngine(() => executor.start(row.id));
      return toRunView(row);
    },

    /** The run once it ends, or as it is when `timeout_ms` passes (it goes on). */
    async wait(
      actor: Actor,
      runId: string,
      { timeout_ms, until_ended = false }: { timeout_ms: number; until_ended?: boolean },
    ): Promise<AgentRunView> {
      const deadline = Date.now() + timeout_ms;
      let row = await loadOwned(actor, runId);
      let pause = 50;
      // A run waiting for your approval answers too (nothing happens until you answer), unless the
      // caller waits for the end.
      const answers = (status: AgentRunStatus) =>
        endStatuses.includes(status) || (status === 'waiting' && !until_ended);
      while (!answers(row.status) && Date.now() < deadline) {
        await endOrPause(runId, Math.min(pause, deadline - Date.now()));
        pause = Math.min(pause * 2, 1_000);
        row = await loadOwned(actor, runId);
      }
      return toRunView(row);
    },

    async get(actor: Actor, runId: string): Promise<AgentRunView> {
      return toRunView(await loadOwned(actor, runId));
    },

    /** The run with the tool calls of its finished steps (read from its DBOS workflow's records). */
    async detail(actor: Actor, runId: string): Promise<AgentRunDetail> {
      const row = await loadOwned(actor, runId);
      const steps = executor ? await outsideEngine(() => DBOS.listWorkflowSteps(row.id)) : undefined;
      return { ...toRunView(row), tool_calls: toolCallsOf(steps ?? []) };
    },

    /** Your runs, newest first, filtered by agent, status or parent, a page at a time. */
    async list(actor: Actor, query: ListAgentRunsQuery = {}): Promise<AgentRunPage> {
      const { userId } = requireUser(actor);
      const { agent, status, parent_run_id, limit, cursor } = listAgentRunsQuerySchema.parse(query);
      const conditions: SQL[] = [eq(agentRuns.ownerId, userId)];
      if (agent) conditions.push(eq(agentRuns.agentId, (await definitions.loadVisible(actor, agent)).id));
      if (status) conditions.push(eq(agentRuns.status, status));
      if (parent_run_id) conditions.push(eq(agentRuns.parentRunId, parent_run_id));
      if (cursor) conditions.push(lt(agentRuns.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(agentRuns)
        .where(and(...conditions))
        .orderBy(desc(agentRuns.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, toRunView);
      return { items, next_cursor: nextCursor };
    },

    /** Cancels a run that has not ended, and the runs it started; it stops at once here, at its next step elsewhere. */
    async cancel(actor: Actor, runId: string): Promise<AgentRunView> {
      const row = await loadOwned(actor, runId);
      if (endStatuses.includes(row.status)) throw new AgentRunStateError(`The run already ${row.status}`);
      if (!executor) throw new AgentEngineUnavailableError();
      await cancelTree(actor, row.id);
      return toRunView(await loadOwned(actor, runId));
    },

    /**
     * Answers the tool calls a waiting run holds (approve or refuse each; one left out is refused);
     * the run goes on. A run that is not waiting is AGENT_RUN_STATE_CONFLICT.
     */
    async answerApprovals(
      actor: Actor,
      runId: string,
      input: AnswerAgentRunApprovalsInput,
    ): Promise<AgentRunView> {
      const row = await loadOwned(actor, runId);
      const { approvals } = answerAgentRunApprovalsInputSchema.parse(input);
      if (!executor) throw new AgentEngineUnavailableError();
      const held = new Set(row.approvals.map((approval) => approval.approval_id));
      const unknown = approvals.find((answer) => !held.has(answer.approval_id));
      if (row.status === 'waiting' && unknown)
        throw new AgentRunStateError(`The run holds no tool call ${unknown.approval_id}`);
      // Taking the run out of waiting first: of two answers at once, one is sent.
      if (row.status !== 'waiting' || !(await records.answered(row.id)))
        throw new AgentRunStateError(`Only a waiting run takes answers; this one is ${row.status}`);
      const answers: ApprovalAnswer[] = approvals;
      await outsideEngine(() => DBOS.send(row.id, answers, approvalTopic)).catch(async (error: unknown) => {
        // Not delivered: the run waits again with the same calls, so the answer can be sent again.
        await records.wait(row.id, row.approvals);
        throw error;
      });
      return toRunView(await loadOwned(actor, runId));
    },

    /** Resumes a cancelled run from its last finished step. */
    async resume(actor: Actor, runId: string): Promise<AgentRunView> {
      const row = await loadOwned(actor, runId);
      if (!executor) throw new AgentEngineUnavailableError();
      if (row.status !== 'cancelled' || !(await records.reopen(row.id)))
        throw new AgentRunStateError(`Only a cancelled run resumes; this one is ${row.status}`);
      await outsideEngine(() => DBOS.resumeWorkflow(row.id));
      return toRunView(await loadOwned(actor, runId));
    },

    /** Starts a run and waits for its answer (the run goes on past the wait, answered as it stands). */
    async ask(
      actor: Actor,
      agentIdOrName: string,
      input: string,
      options: AskOptions = {},
    ): Promise<AgentAnswer> {
      const run = await service.start(actor, agentIdOrName, { ...options, input });
      const onAbort = () => void service.cancel(actor, run.id).catch(() => {});
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const timeout =
          options.timeout_ms ??
          (await definitions.loadVisible(actor, run.agent_id)).definition.limits.timeout_ms + 10_000;
        const ended = await service.wait(actor, run.id, {
          timeout_ms: timeout,
          until_ended: options.until_ended ?? false,
        });
        return { run_id: ended.id, status: ended.status, output: ended.output, error: ended.error };
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },

    /** How an agent is doing for you: model, tools, your runs' success rate, p50/p95, tokens, last error. */
    health: health.health,

    /** Of the given agents, those that cannot work now for you (model down, tools missing), with why. */
    unavailable: health.unavailable,

    /** Follows a run executing in this process as UI message chunks; undefined when it is not here. */
    follow: (runId: string, listener: Parameters<typeof live.follow>[1]) => live.follow(runId, listener),
  };
  late.service = service;

  async function cancelTree(actor: Actor, runId: string): Promise<void> {
    await outsideEngine(() => DBOS.cancelWorkflow(runId));
    executor?.stopHere(runId);
    if (await records.end(runId, { status: 'cancelled' }, clock.now())) {
      bus.publishSoon(actor, 'agent.run.cancelled', { run_id: runId, owner_id: requireUser(actor).userId });
    }
    live.end(runId);
    const children = await db
      .select({ id: agentRuns.id })
      .from(agentRuns)
      .where(and(eq(agentRuns.parentRunId, runId), notInArray(agentRuns.status, endStatuses)));
    for (const child of children) await cancelTree(actor, child.id);
  }

  /** Waits until the run's end is announced here, or `ms` pass. */
  function endOrPause(runId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, Math.max(ms, 0));
      const stop = bus.subscribe('agent.run.*', (event) => {
        if ((event.data as { run_id?: string }).run_id === runId && event.type !== 'agent.run.step') done();
      });
    });
  }

  return service;
}

export type AgentRunsService = ReturnType<typeof createAgentRunsService>;
