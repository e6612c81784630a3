import type { Span } from '@opentelemetry/api';
import { DBOS, Error as DBOSErrors } from '@dbos-inc/dbos-sdk';
import type { ModelMessage } from 'ai';
import { and, count, eq, lt } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import { effectKey, runEffectOnce } from '../../../engine/index.js';
import { estimateTokens } from '../../../models/token-estimate.js';
import { publicError } from '../../../public-error.js';
import type { AgentDefinition } from '../definition.js';
import type { AgentDeps } from '../deps.js';
import type { AgentAnswer } from '../schema.js';
import { agentMessages, agentRuns, agentVersions, type PendingApproval } from '../table.js';
import type { LiveStreams } from './live-streams.js';
import { type ApprovalAnswer, approvalResponses, approvalsIn, approvalTopic } from './approvals.js';
import { runModelStep, type StepOutcome } from './model-step.js';
import { endStatuses, type RunRecords } from './records.js';
import { runActor } from './run-actor.js';
import { createAgentRunMetrics } from './run-metrics.js';
import { runToolSet } from './run-tools.js';
import { addFacts, inSpan } from '../../../telemetry/spans.js';

/** How a run ended, as its DBOS workflow answers. */
export interface RunEnd {
  status: 'succeeded' | 'failed' | 'cancelled';
  output: string | null;
  error: { code: string; message: string } | null;
}

/** What a child ask needs from the runs service (a getter: the service is built around the executor). */
export type AskFromRun = (
  actor: UserActor,
  agent: string,
  input: string,
  options: { parent_run_id: string; run_id: string; signal: AbortSignal },
) => Promise<AgentAnswer>;

/** What the run's first step read: the definition of the version it runs, the input and its deadline. */
interface Begun {
  ended?: RunEnd;
  ownerId: string;
  definition: AgentDefinition;
  input: string;
  deadlineMs: number;
  /** The memories recalled for the run (agents with `memory.read`), recorded with the step. */
  memories?: string;
}

/** A run left queued this long with no DBOS workflow was cut off by a crash between its row and its start. */
const strandedAfterMs = 30_000;

class RunFailure extends Error {
  constructor(readonly failure: { code: string; message: string }) {
    super(failure.message);
  }
}

const isStopping = (error: unknown) =>
  error instanceof DBOSErrors.DBOSWorkflowCancelledError ||
  error instanceof DBOSErrors.DBOSAwaitedWorkflowCancelledError ||
  error instanceof DBOSErrors.DBOSWorkflowConflictError;

/**
 * The durable run of an agent: one DBOS workflow per run (its id is the run's), the chat loop one
 * model step per DBOS step. A step's messages (the model's tool calls and the tools' results) are
 * recorded by DBOS, so a run that a crash or a cancel interrupts goes on after recovery or resume
 * from its last finished step; the step cut short runs again. The row (agent_runs) is what users see.
 */
export function createAgentExecutor(
  deps: AgentDeps,
  { records, live, ask }: { records: RunRecords; live: LiveStreams; ask: () => AskFromRun },
) {
  const { db, clock, logger, models, prompts, users, bus } = deps;
  const log = logger.child({ component: 'agents' });
  /** The steps executing in this process, by run: a cancel stops the model at once. */
  const executing = new Map<string, AbortController>();
  const figures = createAgentRunMetrics(deps.metrics, async () => {
    const [row] = await db
      .select({ count: count() })
      .from(agentMessages)
      .where(eq(agentMessages.status, 'dead'));
    return row?.count ?? 0;
  });

  async function begin(runId: string): Promise<Begun> {
    const { row, started } = await records.begin(runId, clock.now());
    if (!row) throw new Error(`agent run ${runId} has no row`);
    const [version] = await db
      .select({ definition: agentVersions.definition })
      .from(agentVersions)
      .where(and(eq(agentVersions.agentId, row.agentId), eq(agentVersions.version, row.agentVersion)));
    if (!version) throw new Error(`agent run ${runId} names a version that is gone`);
    const ended = endStatuses.includes(row.status)
      ? { status: row.status as RunEnd['status'], output: row.output, error: row.error ?? null }
      : undefined;
    if (started)
      bus.publishSoon(await runActor(users, row.ownerId), 'agent.run.started', {
        run_id: runId,
        agent_id: row.agentId,
        owner_id: row.ownerId,
        parent_run_id: row.parentRunId,
        depth: row.depth,
      });
    const startedAt = (row.startedAt ?? clock.now()).getTime();
    const memories = ended ? undefined : await recall(row, version.definition);
    return {
      ...(ended ? { ended } : {}),
      ...(memories ? { memories } : {}),
      ownerId: row.ownerId,
      definition: version.definition,
      input: row.input,
      deadlineMs: startedAt + version.definition.limits.timeout_ms,
    };
  }

  /**
   * The memories for an agent with `memory.read`, recalled once when the run begins (its input is
   * the query): every step's system prompt carries the same ones. A failed recall leaves them out.
   */
  async function recall(
    row: { ownerId: string; agentId: string; input: string },
    definition: AgentDefinition,
  ): Promise<string | undefined> {
    if (!deps.recallMemories || !definition.memory.read) return undefined;
    const actor = await runActor(users, row.ownerId);
    try {
      // An agent on the built-in assistant counts with its estimate: no tokenizer table is loaded.
      // (A model no longer allowed fails the run at its first step, not here.)
      const offline = (await models.resolve(definition.model)).model.provider === 'offline';
      return await deps.recallMemories(actor, {
        query: row.input,
        scope: definition.memory.scope,
        agentId: row.agentId,
        ...(offline ? { countTokens: estimateTokens } : {}),
      });
    } catch (error) {
      log.warn({ err: error }, 'could not recall memories for an agent run');
      return undefined;
    }
  }

  /** The system prompt: the library prompt's text (when named), the instructions, then the recalled memories. */
  async function systemOf(actor: UserActor, begun: Begun): Promise<string> {
    const { definition } = begun;
    const library = definition.instructions_prompt
      ? await prompts.findByName(actor, definition.instructions_prompt)
      : undefined;
    return [library?.template, definition.instructions, begun.memories].filter(Boolean).join('\n\n');
  }

  /** One model step (a DBOS step): tools as the run's user, stopped by a cancel or the deadline. */
  async function step(
    runId: string,
    begun: Begun,
    messages: ModelMessage[],
    totals: { steps: number; tokensIn: number; tokensOut: number; output: string },
  ): Promise<StepOutcome> {
    const timedOut = {
      code: 'AGENT_TIMEOUT',
      message: `The run took longer than its ${begun.definition.limits.timeout_ms} ms`,
    };
    const remaining = begun.deadlineMs - clock.now().getTime();
    if (remaining <= 0) return failed(timedOut);
    const actor = await runActor(users, begun.ownerId);
    const [model, me, system] = await Promise.all([
      models.resolve(begun.definition.model),
      users.me(actor),
      systemOf(actor, begun),
    ]);
    const controller = new AbortController();
    executing.set(runId, controller);
    const timer = setTimeout(() => controller.abort(new RunFailure(timedOut)), remaining);
    // A child run's id is kept with this step's key: the step run again asks the same child.
    const stepKey = effectKey();
    let children = 0;
    const askChild = async (agent: string, input: string, signal: AbortSignal) => {
      const key = `${stepKey}:agent:${children++}`;
      const childId = await runEffectOnce({ db, key, effect: async () => `arun_${deps.ids()}` });
      return ask()(actor, agent, input, { parent_run_id: runId, run_id: childId, signal });
    };
    try {
      const tools = await runToolSet({ deps, actor, definition: begun.definition, askChild });
      const outcome = await runModelStep({
        model,
        system,
        messages,
        tools,
        signal: controller.signal,
        providerOptions: {
          offline: { weekStart: me.week_start, ...(me.time_zone ? { timeZone: me.time_zone } : {}) },
        },
        onChunk: (chunk) => live.push(runId, chunk),
        logger: log,
        now: () => clock.now().getTime(),
      });
      if (outcome.failure) return outcome;
      const next = {
        steps: totals.steps + 1,
        tokensIn: totals.tokensIn + outcome.tokensIn,
        tokensOut: totals.tokensOut + outcome.tokensOut,
        output: outcome.text || totals.output,
      };
      await records.progress(runId, next);
      bus.publishSoon(actor, 'agent.run.step', {
        run_id: runId,
        owner_id: begun.ownerId,
        step: next.steps,
        tool_calls: outcome.toolCalls,
      });
      return outcome;
    } catch (error) {
      if (controller.signal.reason instanceof RunFailure) return failed(controller.signal.reason.failure);
      throw error;
    } finally {
      clearTimeout(timer);
      if (executing.get(runId) === controller) executing.delete(runId);
    }
  }

  async function end(runId: string, ownerId: string, result: RunEnd, startedMs: number): Promise<void> {
    const now = clock.now();
    const ended = await records.end(runId, result, now);
    live.end(runId);
    if (!ended) return;
    const row = await records.row(runId);
    // Built-ins and shared agents by name; a user's private agent is counted without its name.
    const agent = row?.agentId.startsWith('agt_builtin_') ? row.agentName : 'custom';
    figures.runs.inc({ agent, status: result.status });
    figures.duration.observe({ agent, status: result.status }, (now.getTime() - startedMs) / 1000);
    figures.tokens.inc({ agent, direction: 'in' }, row?.tokensIn ?? 0);
    figures.tokens.inc({ agent, direction: 'out' }, row?.tokensOut ?? 0);
    const actor = await runActor(users, ownerId).catch(() => undefined);
    if (!actor) return;
    if (result.status === 'succeeded') {
      bus.publishSoon(actor, 'agent.run.succeeded', {
        run_id: runId,
        owner_id: ownerId,
        duration_ms: now.getTime() - startedMs,
        steps: row?.steps ?? 0,
      });
    } else {
      bus.publishSoon(actor, 'agent.run.failed', {
        run_id: runId,
        owner_id: ownerId,
        error_code: result.error?.code ?? 'AGENT_FAILED',
      });
    }
  }

  /** The run waits for its owner's answer: its row says so, and `agent.run.waiting` tells the owner. */
  async function markWaiting(runId: string, ownerId: string, pending: PendingApproval[]): Promise<void> {
    await records.wait(runId, pending);
    const actor = await runActor(users, ownerId).catch(() => undefined);
    if (!actor) return;
    bus.publishSoon(actor, 'agent.run.waiting', {
      run_id: runId,
      owner_id: ownerId,
      approvals: pending.map(({ approval_id, tool }) => ({ approval_id, tool })),
    });
  }

  /**
   * Marks the run waiting with the held calls, receives its owner's answer (DBOS `recv`, up to the
   * run's deadline) and marks it running again; the answer becomes the next step's message.
   */
  async function waitForAnswer(
    runId: string,
    begun: Begun,
    pending: PendingApproval[],
    index: number,
  ): Promise<ModelMessage> {
    await DBOS.runStep(() => markWaiting(runId, begun.ownerId, pending), { name: `wait-${index + 1}` });
    const remainingSeconds = Math.max(1, (begun.deadlineMs - clock.now().getTime()) / 1000);
    const answers = await DBOS.recv<ApprovalAnswer[]>(approvalTopic, remainingSeconds);
    if (!answers)
      throw new RunFailure({
        code: 'AGENT_TIMEOUT',
        message: `No answer to the tool calls held for approval within the run's ${begun.definition.limits.timeout_ms} ms`,
      });
    await DBOS.runStep(() => records.answered(runId), { name: `answered-${index + 1}` });
    return approvalResponses(pending, answers);
  }

  // The run's span: its model calls and tool calls are children; replayed after a recovery, traced again.
  const workflow = DBOS.registerWorkflow(
    (runId: string): Promise<RunEnd> =>
      inSpan(
        'agent.run',
        { surface: 'agent', agentRunId: runId },
        (span) => runAgent(runId, span),
        (result) => result.status,
      ),
    { name: 'agents.run' },
  );

  async function runAgent(runId: string, span: Span): Promise<RunEnd> {
    const begun = await DBOS.runStep(() => begin(runId), { name: 'begin' });
    addFacts(span, { userId: begun.ownerId });
    if (begun.ended) return begun.ended;
    const startedMs = begun.deadlineMs - begun.definition.limits.timeout_ms;
    let messages: ModelMessage[] = [{ role: 'user', content: begun.input }];
    let totals = { steps: 0, tokensIn: 0, tokensOut: 0, output: '' };
    let result: RunEnd | undefined;
    try {
      for (let index = 0; index < begun.definition.limits.max_steps; index++) {
        const current = { messages, totals };
        const outcome = await DBOS.runStep(() => step(runId, begun, current.messages, current.totals), {
          name: `step-${index + 1}`,
        });
        if (outcome.failure) throw new RunFailure(outcome.failure);
        messages = [...messages, ...outcome.messages];
        totals = {
          steps: totals.steps + 1,
          tokensIn: totals.tokensIn + outcome.tokensIn,
          tokensOut: totals.tokensOut + outcome.tokensOut,
          output: outcome.text || totals.output,
        };
        // Tool calls held for approval: the run waits for its owner's answer, then goes on.
        const pending = approvalsIn(outcome.messages);
        if (pending.length > 0) {
          messages = [...messages, await waitForAnswer(runId, begun, pending, index)];
          continue;
        }
        if (outcome.finishReason !== 'tool-calls') {
          result = { status: 'succeeded', output: outcome.text, error: null };
          break;
        }
      }
      result ??= {
        status: 'failed',
        output: totals.output || null,
        error: {
          code: 'AGENT_STEP_LIMIT',
          message: `The agent was still calling tools after ${begun.definition.limits.max_steps} steps, its limit`,
        },
      };
    } catch (error) {
      if (isStopping(error)) throw error;
      const failure =
        error instanceof RunFailure
          ? error.failure
          : publicError(error, { logger: log, what: 'The agent run failed', details: { run_id: runId } });
      result = { status: 'failed', output: totals.output || null, error: failure };
    }
    const final = result;
    await DBOS.runStep(() => end(runId, begun.ownerId, final, startedMs), { name: 'end' });
    return final;
  }

  /** Starts the runs left queued by a crash between their row and their DBOS start. */
  async function startStranded(): Promise<void> {
    const before = new Date(clock.now().getTime() - strandedAfterMs);
    const queued = await db
      .select({ id: agentRuns.id })
      .from(agentRuns)
      .where(and(eq(agentRuns.status, 'queued'), lt(agentRuns.createdAt, before)));
    for (const { id } of queued) {
      if (await DBOS.getWorkflowStatus(id)) continue;
      await DBOS.startWorkflow(workflow, { workflowID: id })(id);
    }
  }
  deps.engine?.onLaunch(() =>
    startStranded().catch((error: unknown) =>
      log.warn({ err: error }, 'could not start the agent runs left queued'),
    ),
  );

  return {
    /** Starts (or finds) the DBOS workflow of a run whose row is in place. */
    async start(runId: string): Promise<void> {
      await DBOS.startWorkflow(workflow, { workflowID: runId })(runId);
    },
    /** Stops the step executing here for a run, if any (a cancel). */
    stopHere(runId: string): void {
      executing.get(runId)?.abort(new Error('cancelled'));
    },
  };
}

function failed(failure: { code: string; message: string }): StepOutcome {
  return { messages: [], text: '', finishReason: 'error', toolCalls: [], tokensIn: 0, tokensOut: 0, failure };
}

export type AgentExecutor = ReturnType<typeof createAgentExecutor>;
