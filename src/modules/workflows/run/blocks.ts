import { DBOS } from '@dbos-inc/dbos-sdk';
import type { WorkflowStepShape } from '../definition.js';
import { evaluate, holds, resolveTemplates } from '../expressions.js';
import { isStepFailure, stepErrorOf } from './failures.js';
import type { StepEnd } from './records.js';
import {
  type BlockContext,
  type PartResult,
  type PartSpec,
  RunFailure,
  type StepOutcome,
  endStepRow,
  pathOf,
} from './run-state.js';
import {
  attemptSingleStep,
  cacheKeysAhead,
  cachedAhead,
  type Single,
  templatedInput,
} from './single-step.js';
import type { StepEnvironment } from './step-environment.js';
import type { StepScope } from './step-kind.js';

type Compound = Exclude<WorkflowStepShape, Single>;

/** The most items one foreach goes over: each is a step row (and with concurrency a DBOS workflow). */
export const maxForeachItems = 10_000;

/**
 * Runs blocks of steps in waves, as the design says: the steps whose `needs` are all settled, in
 * definition order; a wave of one inline in the current DBOS workflow, a wave of several as child
 * DBOS workflows started in definition order and awaited in that order. Nothing inside one DBOS
 * workflow runs at once, so a replay meets its operations in the same order.
 */
export function createBlockRunner(env: StepEnvironment) {
  const { records, deps } = env;
  const recordStep = <T>(name: string, write: () => Promise<T>) => DBOS.runStep(write, { name });

  /** Runs a block; settles each step's outcome in `scope.steps`; gives the output of its last step. */
  async function runBlock(
    steps: WorkflowStepShape[],
    prefix: string,
    scope: StepScope,
    context: BlockContext,
  ): Promise<unknown> {
    const ids = new Set(steps.map((step) => step.id));
    const settled = new Map<string, StepOutcome>();
    let pending = [...steps];
    while (pending.length > 0) {
      const wave = pending.filter((step) =>
        (step.needs ?? []).every((need) => settled.has(need) || !ids.has(need)),
      );
      if (wave.length === 0)
        throw new RunFailure(
          'WORKFLOW_INVALID',
          `The steps ${pending.map((step) => step.id).join(', ')} wait for each other`,
          pathOf(prefix, pending[0]?.id ?? ''),
        );
      pending = pending.filter((step) => !wave.includes(step));
      const toRun = [];
      for (const step of wave) {
        const needs = (step.needs ?? []).filter((need) => ids.has(need));
        if (needs.length > 0 && needs.every((need) => settled.get(need) === 'skipped')) {
          await skip(step, pathOf(prefix, step.id), scope, context);
        } else toRun.push(step);
      }
      if (toRun.length === 1 || context.sequential) {
        // A pipeline item runs its waves in line: the items already run side by side, and a child
        // DBOS workflow per step would cost more than most text tools.
        for (const step of toRun) await runOne(step, pathOf(prefix, step.id), scope, context);
      } else if (toRun.length > 1) {
        const handles = [];
        for (const step of toRun) {
          const path = pathOf(prefix, step.id);
          handles.push(
            await env.startPart({ run: context.run, mode: 'one', steps: [step], prefix, path, scope }),
          );
        }
        await settleParts(handles, scope);
      }
      for (const step of wave)
        settled.set(step.id, (scope.steps[step.id]?.status ?? 'succeeded') as StepOutcome);
    }
    const last = steps.at(-1);
    return last ? (scope.steps[last.id]?.output ?? null) : null;
  }

  /** Awaits parts in start order, merges what they settled, then fails with the first failure (in that order). */
  async function settleParts(
    handles: { getResult(): Promise<PartResult> }[],
    scope: StepScope,
  ): Promise<unknown[]> {
    const results: PartResult[] = [];
    for (const handle of handles) results.push(await handle.getResult());
    for (const result of results) if (result.ok) Object.assign(scope.steps, result.steps);
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok)
      throw new RunFailure(failed.failure.code, failed.failure.message, failed.failure.step_path);
    return results.map((result) => (result.ok ? result.last : null));
  }

  async function skip(step: WorkflowStepShape, path: string, scope: StepScope, context: BlockContext) {
    const meta = { path, id: step.id, kind: step.kind };
    await recordStep(`${path}.skip`, () => endStepRow(records, context, meta, { status: 'skipped' }));
    scope.steps[step.id] = { output: null, status: 'skipped' };
  }

  /** Runs one step of any kind at `path`: its `if`, then the kind. */
  async function runOne(
    step: WorkflowStepShape,
    path: string,
    scope: StepScope,
    context: BlockContext,
  ): Promise<void> {
    if (step.if !== undefined) {
      let runs: boolean;
      try {
        runs = holds(step.if, scopeValues(scope));
      } catch (error) {
        if (!isStepFailure(error)) throw error;
        return failStep(step, path, stepErrorOf(error, deps.logger, path), scope, context);
      }
      if (!runs) return skip(step, path, scope, context);
    }
    if ('on_error' in step) return runSingle(step as Single, path, scope, context);
    return runCompound(step as Compound, path, scope, context);
  }

  async function runSingle(
    step: Single,
    path: string,
    scope: StepScope,
    context: BlockContext,
  ): Promise<void> {
    const meta = { path, id: step.id, kind: step.kind };
    if (path in context.run.copies) {
      const output = context.run.copies[path];
      await recordStep(`${path}.copied`, () =>
        endStepRow(records, context, meta, { status: 'succeeded', output }),
      );
      scope.steps[step.id] = { output, status: 'succeeded' };
      return;
    }
    let input: Record<string, unknown>;
    try {
      // Resolved when its item began, if its input names no steps (cacheKeysAhead).
      input =
        context.cached?.inputs?.get(step.id)?.input ??
        (resolveTemplates(templatedInput(step), scopeValues(scope)) as Record<string, unknown>);
    } catch (error) {
      if (!isStepFailure(error)) throw error;
      return failStep(step, path, stepErrorOf(error, deps.logger, path), scope, context);
    }
    const outcome = await attemptSingleStep(env, step, path, input, scope, context);
    if (outcome.ok) {
      scope.steps[step.id] = { output: outcome.result.output ?? null, status: 'succeeded' };
      return;
    }
    await afterFailure(step, path, outcome.error, scope, context);
  }

  /** A step that failed before it could act (its `if` or input): its row, then its on_error. */
  async function failStep(
    step: WorkflowStepShape,
    path: string,
    error: { code: string; message: string },
    scope: StepScope,
    context: BlockContext,
  ): Promise<void> {
    const meta = { path, id: step.id, kind: step.kind };
    await recordStep(`${path}.failed`, () => endStepRow(records, context, meta, { status: 'failed', error }));
    await afterFailure(step, path, error, scope, context);
  }

  /** on_error: fail the run, continue (output null), or compensate then fail or continue. */
  async function afterFailure(
    step: WorkflowStepShape,
    path: string,
    error: { code: string; message: string },
    scope: StepScope,
    context: BlockContext,
  ): Promise<void> {
    scope.steps[step.id] = { output: null, status: 'failed' };
    const onError = 'on_error' in step ? step.on_error : 'fail';
    let then: 'fail' | 'continue' = typeof onError === 'string' ? onError : onError.then;
    if (typeof onError === 'object') {
      await recordStep(`${path}.compensate.count`, () => records.addSteps(context.run.id, 1));
      const compensationScope = { ...scope, error };
      try {
        await runOne(onError.compensate, `${path}.compensate`, compensationScope, context);
      } catch (failure) {
        if (!(failure instanceof RunFailure)) throw failure;
        then = 'fail';
      }
    }
    if (then === 'fail') throw new RunFailure(error.code, error.message, path);
  }

  async function runCompound(
    step: Compound,
    path: string,
    scope: StepScope,
    context: BlockContext,
  ): Promise<void> {
    const meta = { path, id: step.id, kind: step.kind };
    const begin = (count: number, input?: unknown) =>
      recordStep(`${path}.begin`, async () => {
        await records.beginStep(context.run.id, meta, input, 1);
        await records.addSteps(context.run.id, count);
      });
    const end = (result: StepEnd) =>
      recordStep(`${path}.end`, () => records.endStep(context.actor, context.run.id, meta, result));
    try {
      const { output, branch } = await runCompoundKind(step, path, scope, context, begin);
      await end({ status: 'succeeded', output, ...(branch ? { branch } : {}) });
      scope.steps[step.id] = { output, status: 'succeeded' };
    } catch (error) {
      if (error instanceof RunFailure) {
        await end({ status: 'failed', error: { code: error.code, message: error.message } });
        throw error;
      }
      if (!isStepFailure(error)) throw error;
      const failure = stepErrorOf(error, deps.logger, path);
      await end({ status: 'failed', error: failure });
      await afterFailure(step, path, failure, scope, context);
    }
  }

  async function runCompoundKind(
    step: Compound,
    path: string,
    scope: StepScope,
    context: BlockContext,
    begin: (count: number, input?: unknown) => Promise<void>,
  ): Promise<{ output: unknown; branch?: string }> {
    switch (step.kind) {
      case 'condition': {
        const branch = holds(step.condition, scopeValues(scope)) ? 'then' : 'else';
        const block = step[branch];
        await begin(block.length, { branch });
        const output = await runBlock(block, `${path}.${branch}`, scope, context);
        return { output, branch };
      }
      case 'parallel': {
        await begin(step.branches.reduce((sum, branch) => sum + branch.length, 0));
        if (step.branches.length === 1)
          return { output: [await runBlock(step.branches[0] ?? [], `${path}[0]`, scope, context)] };
        const handles = [];
        for (const [index, branch] of step.branches.entries()) {
          const prefix = `${path}[${index}]`;
          handles.push(
            await env.startPart({
              run: context.run,
              mode: 'block',
              steps: branch,
              prefix,
              path: prefix,
              scope,
            }),
          );
        }
        return { output: await settleParts(handles, scope) };
      }
      case 'foreach': {
        const items = evaluate(step.items, scopeValues(scope));
        if (!Array.isArray(items))
          throw new RunFailure(
            'EXPRESSION_FAILED',
            `${step.items}: must give a list, but gave ${JSON.stringify(items)}`,
            path,
          );
        if (items.length > maxForeachItems)
          throw new RunFailure(
            'EXPRESSION_FAILED',
            `${step.items}: gave ${items.length} items, more than the ${maxForeachItems} a foreach goes over`,
            path,
          );
        await begin(items.length * step.steps.length, { items: items.length });
        return { output: await runItems(step, items, path, scope, context) };
      }
      case 'loop': {
        await begin(0);
        let output: unknown = null;
        let iteration = 0;
        let met = false;
        while (iteration < step.max_iterations) {
          await recordStep(`${path}#${iteration}.count`, () =>
            records.addSteps(context.run.id, step.steps.length),
          );
          const passScope: StepScope = { ...scope, steps: scope.steps, iteration };
          output = await runBlock(step.steps, `${path}#${iteration}`, passScope, context);
          iteration++;
          if (holds(step.until, scopeValues(passScope))) {
            met = true;
            break;
          }
        }
        return { output: { iterations: iteration, until_met: met, output } };
      }
    }
  }

  /**
   * foreach: each item's block with `item` and `index` in scope. One at a time inline; with a
   * concurrency above one, each item is a child DBOS workflow, at most `concurrency` at once: the next
   * starts after the oldest is awaited, in index order.
   */
  async function runItems(
    step: Extract<Compound, { kind: 'foreach' }>,
    items: unknown[],
    path: string,
    scope: StepScope,
    context: BlockContext,
  ): Promise<unknown[]> {
    const itemScope = (index: number): StepScope => ({
      ...scope,
      steps: { ...scope.steps },
      item: items[index],
      index,
    });
    const outputs: unknown[] = [];
    if (step.concurrency <= 1) {
      for (let index = 0; index < items.length; index++)
        outputs.push(await runBlock(step.steps, `${path}[${index}]`, itemScope(index), context));
      return outputs;
    }
    const running: { getResult(): Promise<PartResult> }[] = [];
    const results: PartResult[] = [];
    for (let index = 0; index < items.length; index++) {
      if (running.length >= step.concurrency)
        results.push(await (running.shift() as (typeof running)[0]).getResult());
      const prefix = `${path}[${index}]`;
      running.push(
        await env.startPart({
          run: context.run,
          mode: 'block',
          steps: step.steps,
          prefix,
          path: prefix,
          scope: itemScope(index),
        }),
      );
    }
    for (const handle of running) results.push(await handle.getResult());
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok)
      throw new RunFailure(failed.failure.code, failed.failure.message, failed.failure.step_path);
    return results.map((result) => (result.ok ? result.last : null));
  }

  /** Runs a part (a child DBOS workflow's body): never throws a step failure, gives it back as a value. */
  async function runPart(
    spec: Pick<PartSpec, 'mode' | 'steps' | 'prefix' | 'scope' | 'item'>,
    context: BlockContext,
  ): Promise<PartResult> {
    if (spec.item && env.loadItem) {
      const { ref, index } = spec.item;
      const loadItem = env.loadItem;
      try {
        spec.scope.item = await DBOS.runStep(() => loadItem(context.actor, ref, index), {
          name: `${spec.prefix}.load`,
        });
      } catch (error) {
        if (!isStepFailure(error)) throw error;
        const { code, message } = stepErrorOf(error, deps.logger, spec.prefix);
        return { ok: false, failure: { code, message, step_path: spec.prefix } };
      }
      // An item run in one DBOS step: its steps' cache entries in one query rather than one each.
      const ahead = context.stepEnds && env.cache ? cacheKeysAhead(env, spec.steps, spec.scope) : [];
      if (env.cache && ahead.length > 1)
        context.cached = cachedAhead(
          ahead,
          await env.cache.lookupMany(
            context.run.ownerId,
            ahead.map((one) => one.key),
          ),
        );
    }
    try {
      if (spec.mode === 'one') {
        const [step] = spec.steps as [WorkflowStepShape];
        await runOne(step, pathOf(spec.prefix, step.id), spec.scope, context);
        return { ok: true, steps: spec.scope.steps, last: spec.scope.steps[step.id]?.output ?? null };
      }
      const last = await runBlock(spec.steps, spec.prefix, spec.scope, context);
      return { ok: true, steps: spec.scope.steps, last };
    } catch (error) {
      if (error instanceof RunFailure) return { ok: false, failure: error.toJSON() };
      throw error;
    }
  }

  return { runBlock, runPart };
}

export type BlockRunner = ReturnType<typeof createBlockRunner>;

/** The scope as expressions see it: input, steps, and the loop variables where set. */
export function scopeValues(scope: StepScope): Record<string, unknown> {
  return scope as unknown as Record<string, unknown>;
}
