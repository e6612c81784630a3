import { DBOS } from '@dbos-inc/dbos-sdk';
import type { WorkflowStepShape } from '../definition.js';
import { StepFailedError } from '../errors.js';
import { evaluate, resolveTemplates, templateExpressions } from '../expressions.js';
import { runApprovalStep } from './kinds/approval.js';
import type { ActRunner } from './kinds/act.js';
import { runAgentStep } from './kinds/agent.js';
import { runModelStep } from './kinds/model.js';
import { runPromptStep } from './kinds/prompt.js';
import { runToolStep } from './kinds/tool.js';
import { runWaitEventStep } from './kinds/wait-event.js';
import { type StepError, isStepFailure, stepErrorOf } from './failures.js';
import { type BlockContext, endStepRow } from './run-state.js';
import type { StepResult, StepRunContext, StepScope } from './step-kind.js';
import type { StepEnvironment } from './step-environment.js';
import { textToolNames } from '../../text/tool-names.js';
import { inSpan } from '../../../telemetry/spans.js';

/** A single-action step: one act (or wait), with its own retry, timeout and on_error. */
export type Single = Extract<WorkflowStepShape, { on_error: unknown }>;

/** How long an act runs before its running row is written; the faster ones get one row, at their end. */
const runningRowAfterMs = 50;

/** The kinds that act once with no durable wait: each attempt is one DBOS step. */
const actRunners: { [K in Single['kind']]?: ActRunner<K> } = {
  tool: runToolStep,
  prompt: runPromptStep,
  model: runModelStep,
  agent: runAgentStep,
};

/** The fields of each kind that may hold `{{ expressions }}`: the step's input, resolved before it runs. */
export function templatedInput(step: Single): Record<string, unknown> {
  switch (step.kind) {
    case 'tool':
    case 'workflow':
      return step.input;
    case 'prompt':
      return step.arguments;
    case 'model':
      return { prompt: step.prompt, ...(step.system === undefined ? {} : { system: step.system }) };
    case 'approval':
      return { message: step.message };
    case 'agent':
      return { input: step.input };
    case 'sleep':
      return step.duration_ms === undefined ? {} : { duration_ms: step.duration_ms };
    default:
      return {};
  }
}

/**
 * Runs a single-action step: its retries (a DBOS step per attempt for the acting kinds, a durable
 * DBOS sleep between attempts), its timeout (racing the act), and writes its row in the same DBOS
 * step as the act, so a replay after a crash neither acts nor writes again. Gives the step's
 * result, or its error once the attempts are spent.
 */
export function attemptSingleStep(
  env: StepEnvironment,
  step: Single,
  path: string,
  input: Record<string, unknown>,
  scope: StepScope,
  context: BlockContext,
): Promise<{ ok: true; result: StepResult } | { ok: false; error: StepError }> {
  // The step's span, with all its attempts; it names the step and its tool, never its input.
  const facts = {
    surface: 'workflow' as const,
    userId: context.run.ownerId,
    workflowRunId: context.run.id,
    stepPath: path,
    stepKind: step.kind,
    tool: step.kind === 'tool' ? step.tool : undefined,
  };
  return inSpan(
    'workflow.step',
    facts,
    () => attemptSteps(env, step, path, input, scope, context),
    (outcome) => (outcome.ok ? 'succeeded' : 'failed'),
  );
}

async function attemptSteps(
  env: StepEnvironment,
  step: Single,
  path: string,
  input: Record<string, unknown>,
  scope: StepScope,
  context: BlockContext,
): Promise<{ ok: true; result: StepResult } | { ok: false; error: StepError }> {
  const { records, deps } = env;
  const meta = { path, id: step.id, kind: step.kind };
  const attempts = step.retry?.attempts ?? 1;
  const runContext = stepRunContext(env, path, scope, context);
  const { reuse, computed, drop, keep } = reuseFor(env, step, input, context);
  for (let attempt = 1; ; attempt++) {
    const final = attempt >= attempts;
    const act = actRunners[step.kind] as ActRunner<Single['kind']> | undefined;
    let outcome: { ok: true; result: StepResult } | { ok: false; error: StepError };
    if (act) {
      outcome = await DBOS.runStep(
        async () => {
          // Most acts end within milliseconds: their one row is written at the end. The running
          // row is written only for an act still going after `runningRowAfterMs` (users see it).
          const begun = { input, attempt, startedAt: deps.clock.now() };
          let running: Promise<void> | undefined;
          const timer = setTimeout(() => {
            running = records.beginStep(context.run.id, meta, input, attempt);
            running.catch(() => {}); // awaited below
          }, runningRowAfterMs);
          const settled = async () => {
            clearTimeout(timer);
            await running;
            return running ? undefined : begun;
          };
          let result: StepResult;
          let cacheHit = false;
          try {
            const reused = await reuse();
            cacheHit = reused !== undefined;
            result =
              reused ??
              (await withTimeout(step.timeout_ms, (signal) => act(step, input, runContext, signal)));
            computed(result);
          } catch (error) {
            drop();
            const failure = stepErrorOf(error, deps.logger, path);
            const unwritten = await settled();
            if (final)
              await endStepRow(records, context, meta, { status: 'failed', error: failure }, unwritten);
            // Tried again after a delay: the row shows the step running, on this attempt.
            else if (unwritten) await records.beginStep(context.run.id, meta, input, attempt);
            return { ok: false as const, error: failure };
          }
          // Outside the try: the act is done, so a failing row write is the engine's fault, never
          // the step's failure, which a retry would answer by acting again.
          const unwritten = await settled();
          if (!cacheHit) await keep(result);
          await endStepRow(records, context, meta, { status: 'succeeded', ...result, cacheHit }, unwritten);
          return { ok: true as const, result };
        },
        { name: `${path}#${attempt}` },
      );
    } else {
      await DBOS.runStep(() => records.beginStep(context.run.id, meta, input, attempt), {
        name: `${path}#${attempt}.begin`,
      });
      try {
        outcome = { ok: true, result: await runDurableKind(env, step, input, runContext, attempt) };
      } catch (error) {
        if (!isStepFailure(error)) throw error;
        outcome = { ok: false, error: stepErrorOf(error, deps.logger, path) };
      }
      if (outcome.ok || final) {
        const end = outcome.ok
          ? { status: 'succeeded' as const, ...outcome.result }
          : { status: 'failed' as const, error: outcome.error };
        await DBOS.runStep(() => records.endStep(context.actor, context.run.id, meta, end), {
          name: `${path}#${attempt}.end`,
        });
      }
    }
    if (outcome.ok || final) return outcome;
    const retry = step.retry;
    const delay = (retry?.delay_ms ?? 1_000) * (retry?.backoff === 'fixed' ? 1 : 2 ** (attempt - 1));
    await DBOS.sleep(delay);
  }
}

/** The text tools that are pure functions of their input (no document, URL or model read). */
const pureTools = new Set<string>(
  textToolNames.filter(
    (name) => !['extract_pdf_text', 'extract_image_text', 'transform_sentiment'].includes(name),
  ),
);

/**
 * The reuse of an act's result: a pure step (a pure text tool) repeated with the same input in one
 * run is computed once (in memory); a `cache: true` step reads and fills the user's step cache.
 */
/** What a step's cache key names: its tool, its model (or `default`), its prompt. */
function subjectOf(step: Single): string {
  return step.kind === 'tool'
    ? step.tool
    : step.kind === 'model'
      ? (step.model ?? 'default')
      : step.kind === 'prompt'
        ? step.prompt
        : '';
}

/** A `cache: true` step's key worked out before its item's steps ran, and its input when kept. */
export interface KeyAhead {
  stepId: string;
  key: string;
  /** The input it was resolved from, when that cannot change as the steps run (it names no `steps`). */
  input?: Record<string, unknown>;
}

/** Whether any of a step's input expressions has the word `steps` (a superset of those reading it). */
const namesStepsOf = new WeakMap<WorkflowStepShape, boolean>();
function namesSteps(step: Single): boolean {
  let names = namesStepsOf.get(step);
  if (names === undefined) {
    names = templateExpressions(templatedInput(step)).some((source) => /\bsteps\b/.test(source));
    namesStepsOf.set(step, names);
  }
  return names;
}

/**
 * The step cache's keys of the `cache: true` steps whose input can be resolved before any step has
 * run (it reads the item and the run input only): an item run in one DBOS step looks them all up
 * at once (`BlockContext.cached`). An input that names no `steps` resolves the same when its step
 * runs, so it is kept with its key: the step neither resolves it nor hashes it again.
 */
export function cacheKeysAhead(
  env: StepEnvironment,
  steps: WorkflowStepShape[],
  scope: StepScope,
): KeyAhead[] {
  const { cache } = env;
  if (!cache) return [];
  return steps.flatMap((step): KeyAhead[] => {
    if (!('on_error' in step) || !('cache' in step) || !step.cache) return [];
    try {
      const input = resolveTemplates(
        templatedInput(step as Single),
        scope as unknown as Record<string, unknown>,
      ) as Record<string, unknown>;
      const key = cache.keyOf({ kind: step.kind, subject: subjectOf(step as Single) }, input);
      if (key === undefined) return [];
      return [{ stepId: step.id, key, ...(namesSteps(step as Single) ? {} : { input }) }];
    } catch {
      return []; // it reads a step's output: looked up when it runs
    }
  });
}

/** The keys worked out ahead as `BlockContext.cached` takes them, with the entries found. */
export function cachedAhead(
  ahead: KeyAhead[],
  found: Map<string, StepResult>,
): NonNullable<BlockContext['cached']> {
  return {
    keys: new Set(ahead.map((one) => one.key)),
    found,
    inputs: new Map(
      ahead.flatMap((one) => (one.input ? [[one.stepId, { input: one.input, key: one.key }] as const] : [])),
    ),
  };
}

function reuseFor(env: StepEnvironment, step: Single, input: Record<string, unknown>, context: BlockContext) {
  const { cache } = env;
  const subject = subjectOf(step);
  const pure = step.kind === 'tool' && pureTools.has(step.tool) && input.url === undefined;
  // The key worked out ahead for this very input, when there is one (cacheKeysAhead).
  const ahead = context.cached?.inputs?.get(step.id);
  const key =
    cache && (pure || step.cache)
      ? ahead?.input === input
        ? ahead.key
        : cache.keyOf({ kind: step.kind, subject }, input)
      : undefined;
  let claim: { settle(result?: StepResult): void } | undefined;
  const settle = (result?: StepResult) => {
    claim?.settle(result);
    claim = undefined;
  };
  return {
    async reuse(): Promise<StepResult | undefined> {
      if (!cache || key === undefined) return undefined;
      if (pure) {
        // Looked at and claimed with no await between: items started together see each other's claim.
        const remembering = cache.remembered(context.run.id, key);
        const remembered = remembering && (await remembering);
        if (remembered) return remembered;
        claim = cache.claim(context.run.id, key);
      }
      const stored = !step.cache
        ? undefined
        : context.cached?.keys.has(key)
          ? context.cached.found.get(key)
          : await cache.lookup(context.run.ownerId, key);
      if (stored) settle(stored);
      return stored;
    },
    /** The result is known (acted or stored): the items waiting for it in this run have it. */
    computed: (result: StepResult): void => settle(result),
    /** The act failed: the items waiting for its result act themselves. */
    drop: (): void => settle(),
    /** Keeps an acted result in the user's step cache (`cache: true`). */
    async keep(result: StepResult): Promise<void> {
      if (!cache || key === undefined || !step.cache) return;
      if (context.cacheWrites) context.cacheWrites.push({ key, subject, result });
      else await cache.store(context.run.ownerId, key, subject, result);
    },
  };
}

/** The kinds whose act is itself durable DBOS operations (sleep, waits, child runs): run in the workflow. */
async function runDurableKind(
  env: StepEnvironment,
  step: Single,
  input: Record<string, unknown>,
  context: StepRunContext,
  attempt: number,
): Promise<StepResult> {
  switch (step.kind) {
    case 'sleep':
      return runSleep(step, input, context);
    case 'approval':
      return runApprovalStep(step, input, context);
    case 'wait_event':
      return runWaitEventStep(step, input, context);
    case 'workflow':
      return env.runChildWorkflow(step, input, context, attempt);
    default:
      throw new Error(`${step.kind} steps act in a DBOS step`);
  }
}

/** A durable sleep: DBOS keeps the wake-up time, so a restart goes on sleeping what is left. */
async function runSleep(
  step: Extract<Single, { kind: 'sleep' }>,
  input: Record<string, unknown>,
  context: StepRunContext,
): Promise<StepResult> {
  let durationMs = typeof input.duration_ms === 'number' ? input.duration_ms : 0;
  if (step.until !== undefined) {
    const until = evaluate(step.until, context.scope as unknown as Record<string, unknown>);
    const at = typeof until === 'string' ? Date.parse(until) : Number.NaN;
    if (Number.isNaN(at))
      throw new StepFailedError(
        'EXPRESSION_FAILED',
        `${step.until}: must give an ISO time, but gave ${JSON.stringify(until)}`,
      );
    durationMs = Math.max(0, at - (await DBOS.now()));
  }
  await context.markWaiting('sleep');
  await DBOS.sleep(durationMs);
  await context.markRunning();
  return { output: { slept_ms: durationMs } };
}

/** Runs `act` with a signal that fires after `timeoutMs`; the step then fails with STEP_TIMEOUT. */
async function withTimeout<T>(
  timeoutMs: number | undefined,
  act: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  if (timeoutMs === undefined) return act(controller.signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StepFailedError('STEP_TIMEOUT', `The step took longer than its timeout of ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([act(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** The context handed to a step-kind runner: the run's user, its path, and the wait marks (DBOS steps). */
export function stepRunContext(
  env: StepEnvironment,
  path: string,
  scope: StepScope,
  context: BlockContext,
): StepRunContext {
  const { records, deps } = env;
  return {
    run: { id: context.run.id, ownerId: context.run.ownerId, workflowName: context.run.workflowName },
    actor: context.actor,
    path,
    dbosWorkflowId: DBOS.workflowID ?? context.run.id,
    // A pipeline item's steps run in a DBOS step of several items (a chunk, whose extent a replay may
    // draw differently): each act is keyed by its path in the run, unique within it.
    ...(context.stepEnds ? { effectKey: `${DBOS.workflowID ?? context.run.id}:${path}` } : {}),
    scope,
    deps,
    markWaiting: (waitingFor, approvalId) =>
      DBOS.runStep(() => records.markWaiting(context.actor, context.run.id, path, waitingFor, approvalId), {
        name: `${path}.waiting`,
      }),
    markRunning: () =>
      DBOS.runStep(() => records.markRunning(context.run.id, path), { name: `${path}.running` }),
  };
}
