import { DBOS } from '@dbos-inc/dbos-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';
import { postgresAvailable } from '../helpers/test-database.js';
import {
  type WorkflowDefinitionInput,
  workflowDefinitionSchema,
} from '../../src/modules/workflows/definition.js';
import { workflowRuns } from '../../src/modules/workflows/table.js';
import { newId } from '../../src/ids.js';
import { eq } from 'drizzle-orm';

/** The shapes a run takes on the real engine: waves, branches, items, passes, retries and failures. */
describe.runIf(postgresAvailable)('workflow runs on the durable engine', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let ownerId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    ownerId = (await seedUser(testApp.app, { email: 'runner@example.com' })).id;
  });
  afterAll(() => testApp?.close());

  /** Saves the workflow, runs it, waits for its end; gives the run with its steps. */
  async function run(definition: WorkflowDefinitionInput, input: Record<string, unknown> = {}) {
    const { runs } = testApp.app.workflows;
    await insertWorkflow(testApp.app, ownerId, definition);
    const actor = restActor(ownerId);
    const started = await runs.start(actor, {
      workflow: definition.name,
      input,
      trigger: { kind: 'manual', surface: 'test' },
    });
    await runs.waitForEnd(actor, started.id, { timeoutMs: 30_000 });
    return runs.get(actor, started.id);
  }

  it('runs a DAG: two steps at once, then a step that joins them', async () => {
    const detail = await run(
      {
        name: 'dag',
        steps: [
          { id: 'left', kind: 'tool', tool: 'hold', input: { key: 'dag', ms: 300 } },
          { id: 'right', kind: 'tool', tool: 'hold', input: { key: 'dag', ms: 300 } },
          {
            id: 'join',
            kind: 'tool',
            tool: 'echo',
            needs: ['left', 'right'],
            input: {
              message:
                '{{ input.word + " " + string(steps.left.output.most_at_once) + " + " + string(steps.right.output.most_at_once) }}',
            },
          },
        ],
      },
      { word: 'held at once:' },
    );
    expect(detail.status).toBe('succeeded');
    // Each branch saw the other holding beside it; the join read both outputs.
    expect(detail.output).toEqual({ message: 'held at once: 2 + 2' });
    expect(detail.steps.map((one) => [one.path, one.status])).toEqual(
      expect.arrayContaining([
        ['left', 'succeeded'],
        ['right', 'succeeded'],
        ['join', 'succeeded'],
      ]),
    );
    expect(detail.steps_done).toBe(3);
    expect(detail.steps_total).toBe(3);
  });

  const statusOf = (detail: Awaited<ReturnType<typeof run>>, path: string) =>
    detail.steps.find((one) => one.path === path)?.status;

  it.each([
    [5, 'then', 'big'],
    [1, 'else', 'small'],
  ])('takes the condition branch its expression picks (%i → %s)', async (size, branch, word) => {
    const detail = await run(
      {
        name: `condition-${branch}`,
        steps: [
          {
            id: 'pick',
            kind: 'condition',
            condition: 'input.size > 3',
            then: [{ id: 'big', kind: 'tool', tool: 'echo', input: { message: 'big' } }],
            else: [{ id: 'small', kind: 'tool', tool: 'echo', input: { message: 'small' } }],
          },
          {
            id: 'after',
            kind: 'tool',
            tool: 'echo',
            needs: ['pick'],
            input: { message: '{{ steps.pick.output.message }}' },
          },
        ],
      },
      { size },
    );
    expect(detail.status).toBe('succeeded');
    expect(detail.steps.find((one) => one.path === 'pick')?.branch).toBe(branch);
    expect(statusOf(detail, `pick.${branch}.${word}`)).toBe('succeeded');
    expect(
      detail.steps.some((one) => one.path.startsWith(`pick.${branch === 'then' ? 'else' : 'then'}`)),
    ).toBe(false);
    expect(detail.output).toEqual({ message: word });
    expect([detail.steps_done, detail.steps_total]).toEqual([3, 3]);
  });

  it('runs foreach items two at a time at most, each item its own child workflow, outputs in item order', async () => {
    const detail = await run({
      name: 'foreach-two',
      steps: [
        {
          id: 'each',
          kind: 'foreach',
          items: '[1, 2, 3, 4, 5]',
          concurrency: 2,
          steps: [{ id: 'hold', kind: 'tool', tool: 'hold', input: { key: 'foreach-two', ms: 150 } }],
        },
        {
          id: 'count',
          kind: 'tool',
          tool: 'echo',
          needs: ['each'],
          input: { message: '{{ string(steps.each.output.size()) }}' },
        },
      ],
    });
    expect(detail.status).toBe('succeeded');
    const holds = detail.steps.filter((one) => one.step_id === 'hold');
    expect(holds.map((one) => one.path).sort()).toEqual(
      [0, 1, 2, 3, 4].map((index) => `each[${index}].hold`),
    );
    const most = Math.max(...holds.map((one) => (one.output as { most_at_once: number }).most_at_once));
    expect(most).toBe(2);
    expect(detail.output).toEqual({ message: '5' });
  });

  it('stops a loop at its maximum when until never holds, and earlier when it does', async () => {
    const capped = await run({
      name: 'loop-capped',
      steps: [
        {
          id: 'again',
          kind: 'loop',
          until: 'false',
          max_iterations: 3,
          steps: [
            { id: 'tick', kind: 'tool', tool: 'echo', input: { message: 'pass {{ string(iteration) }}' } },
          ],
        },
      ],
    });
    expect(capped.status).toBe('succeeded');
    expect(capped.output).toEqual({ iterations: 3, until_met: false, output: { message: 'pass 2' } });
    expect(capped.steps.filter((one) => one.step_id === 'tick').map((one) => one.path)).toEqual([
      'again#0.tick',
      'again#1.tick',
      'again#2.tick',
    ]);
    const early = await run({
      name: 'loop-early',
      steps: [
        {
          id: 'again',
          kind: 'loop',
          until: 'steps.tock.output.message == "pass 1"',
          max_iterations: 10,
          steps: [
            { id: 'tock', kind: 'tool', tool: 'echo', input: { message: 'pass {{ string(iteration) }}' } },
          ],
        },
      ],
    });
    expect(early.output).toEqual({ iterations: 2, until_met: true, output: { message: 'pass 1' } });
  });

  it('retries a failing step and succeeds on its third attempt', async () => {
    const detail = await run({
      name: 'retry-then-success',
      steps: [
        {
          id: 'flaky',
          kind: 'tool',
          tool: 'fail_times',
          input: { key: 'retry-then-success', times: 2 },
          retry: { attempts: 3, backoff: 'fixed', delay_ms: 10 },
        },
      ],
    });
    expect(detail.status).toBe('succeeded');
    const flaky = detail.steps.find((one) => one.path === 'flaky');
    expect(flaky).toMatchObject({ status: 'succeeded', attempts: 3, output: { call: 3 }, error: null });
  });

  it('fails the run with the step error code and path when the attempts are spent', async () => {
    const detail = await run({
      name: 'retry-spent',
      steps: [
        {
          id: 'flaky',
          kind: 'tool',
          tool: 'fail_times',
          input: { key: 'retry-spent', times: 5 },
          retry: { attempts: 2, backoff: 'exponential', delay_ms: 10 },
        },
        { id: 'never', kind: 'tool', tool: 'echo', needs: ['flaky'], input: { message: 'no' } },
      ],
    });
    expect(detail.status).toBe('failed');
    expect(detail.error).toMatchObject({ code: 'FIXTURE_FAILURE', step_path: 'flaky' });
    expect(detail.steps.find((one) => one.path === 'flaky')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(statusOf(detail, 'never')).toBeUndefined();
  });

  it('goes on after a failing step with on_error continue (its output null)', async () => {
    const detail = await run({
      name: 'continue',
      steps: [
        {
          id: 'broken',
          kind: 'tool',
          tool: 'fail_times',
          input: { key: 'continue', times: 1 },
          on_error: 'continue',
        },
        {
          id: 'after',
          kind: 'tool',
          tool: 'echo',
          needs: ['broken'],
          input: {
            message: '{{ steps.broken.status }} {{ steps.broken.output == null ? "null" : "something" }}',
          },
        },
      ],
    });
    expect(detail.status).toBe('succeeded');
    expect(statusOf(detail, 'broken')).toBe('failed');
    expect(detail.output).toEqual({ message: 'failed null' });
  });

  it('runs the compensation with the error in scope, then fails or continues as told', async () => {
    const compensate = {
      id: 'undo',
      kind: 'tool',
      tool: 'echo',
      input: { message: 'undo after {{ error.code }}' },
    } as const;
    const failing = await run({
      name: 'compensate-fail',
      steps: [
        {
          id: 'charge',
          kind: 'tool',
          tool: 'fail_times',
          input: { key: 'compensate-fail', times: 1 },
          on_error: { compensate },
        },
      ],
    });
    expect(failing.status).toBe('failed');
    expect(failing.error).toMatchObject({ code: 'FIXTURE_FAILURE', step_path: 'charge' });
    expect(failing.steps.find((one) => one.path === 'charge.compensate')).toMatchObject({
      status: 'succeeded',
      output: { message: 'undo after FIXTURE_FAILURE' },
    });
    const going = await run({
      name: 'compensate-continue',
      steps: [
        {
          id: 'charge',
          kind: 'tool',
          tool: 'fail_times',
          input: { key: 'compensate-continue', times: 1 },
          on_error: { compensate, then: 'continue' },
        },
        { id: 'ship', kind: 'tool', tool: 'echo', needs: ['charge'], input: { message: 'shipped' } },
      ],
    });
    expect(going.status).toBe('succeeded');
    expect(statusOf(going, 'charge.compensate')).toBe('succeeded');
    expect(going.output).toEqual({ message: 'shipped' });
  });

  it('skips a step whose if does not hold, and the steps that need only skipped ones', async () => {
    const detail = await run(
      {
        name: 'skips',
        steps: [
          { id: 'maybe', kind: 'tool', tool: 'echo', if: 'input.go', input: { message: 'went' } },
          { id: 'then_this', kind: 'tool', tool: 'echo', needs: ['maybe'], input: { message: 'also' } },
        ],
      },
      { go: false },
    );
    expect(detail.status).toBe('succeeded');
    expect([statusOf(detail, 'maybe'), statusOf(detail, 'then_this')]).toEqual(['skipped', 'skipped']);
  });

  it('runs parallel branches and a child workflow, awaited, with its own run row', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'child',
      input_schema: { type: 'object', required: ['who'], properties: { who: { type: 'string' } } },
      steps: [{ id: 'greet', kind: 'tool', tool: 'echo', input: { message: 'hello {{ input.who }}' } }],
    });
    const detail = await run({
      name: 'parent',
      steps: [
        {
          id: 'both',
          kind: 'parallel',
          branches: [
            [{ id: 'one', kind: 'tool', tool: 'echo', input: { message: 'one' } }],
            [{ id: 'kid', kind: 'workflow', workflow: 'child', input: { who: 'kid' } }],
          ],
        },
        {
          id: 'after',
          kind: 'tool',
          tool: 'echo',
          needs: ['both'],
          input: { message: '{{ steps.one.output.message + " " + steps.kid.output.message }}' },
        },
      ],
    });
    expect(detail.status).toBe('succeeded');
    expect(detail.output).toEqual({ message: 'one hello kid' });
    const child = await testApp.app.workflows.runs.get(restActor(ownerId), `${detail.id}:both[1].kid@run`);
    expect(child).toMatchObject({ status: 'succeeded', parent_run_id: detail.id, workflow_name: 'child' });
  });

  it('runs a child workflow beside another step in a wave, its run apart from the wave part', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'wave-child',
      steps: [{ id: 'greet', kind: 'tool', tool: 'echo', input: { message: 'from the child' } }],
    });
    const detail = await run({
      name: 'wave-parent',
      steps: [
        { id: 'side', kind: 'tool', tool: 'echo', input: { message: 'side' } },
        { id: 'kid', kind: 'workflow', workflow: 'wave-child', input: {} },
      ],
    });
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    expect(statusOf(detail, 'kid')).toBe('succeeded');
    const child = await testApp.app.workflows.runs.get(restActor(ownerId), `${detail.id}:kid@run`);
    expect(child).toMatchObject({ status: 'succeeded', parent_run_id: detail.id });
  });

  it('starts a new child run for each attempt of a retried workflow step', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'flaky-child',
      steps: [{ id: 'flaky', kind: 'tool', tool: 'fail_times', input: { key: 'flaky-child', times: 1 } }],
    });
    const detail = await run({
      name: 'retrying-parent',
      steps: [
        {
          id: 'kid',
          kind: 'workflow',
          workflow: 'flaky-child',
          input: {},
          retry: { attempts: 2, backoff: 'fixed', delay_ms: 10 },
        },
      ],
    });
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    const actor = restActor(ownerId);
    expect((await testApp.app.workflows.runs.get(actor, `${detail.id}:kid@run`)).status).toBe('failed');
    expect((await testApp.app.workflows.runs.get(actor, `${detail.id}:kid@run#2`)).status).toBe('succeeded');
  });

  it('refuses to cancel a child run alone, and fails the parent step when DBOS cancels the child', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'sleepy-child',
      steps: [{ id: 'nap', kind: 'sleep', duration_ms: 30_000 }],
    });
    await insertWorkflow(testApp.app, ownerId, {
      name: 'waiting-parent',
      steps: [{ id: 'kid', kind: 'workflow', workflow: 'sleepy-child', input: {} }],
    });
    const { runs } = testApp.app.workflows;
    const actor = restActor(ownerId);
    const parent = await runs.start(actor, {
      workflow: 'waiting-parent',
      trigger: { kind: 'manual', surface: 'test' },
    });
    const childId = `${parent.id}:kid@run`;
    await vi.waitFor(async () => expect((await runs.get(actor, childId)).status).toBe('waiting'), {
      timeout: 10_000,
      interval: 50,
    });
    await expect(runs.cancel(actor, childId)).rejects.toMatchObject({ code: 'RUN_STATE_CONFLICT' });
    await DBOS.cancelWorkflow(childId);
    const ended = await runs.waitForEnd(actor, parent.id, { timeoutMs: 10_000 });
    expect(ended).toMatchObject({
      status: 'failed',
      error: { code: 'CHILD_RUN_CANCELLED', step_path: 'kid' },
    });
  });

  it('hands a tool step an idempotency key naming its DBOS step, the same for a replay of it', async () => {
    const detail = await run({
      name: 'keyed',
      steps: [{ id: 'act', kind: 'tool', tool: 'idempotency_key', input: {} }],
    });
    expect(detail.status).toBe('succeeded');
    expect(detail.output).toEqual({ key: expect.stringMatching(new RegExp(`^${detail.id}:\\d+$`)) });
  });

  it('starts a run a crash left queued with no DBOS workflow, once it is a minute old', async () => {
    const { runs } = testApp.app.workflows;
    const definition = workflowDefinitionSchema.parse({
      name: 'stranded',
      steps: [{ id: 'say', kind: 'tool', tool: 'echo', input: { message: 'at last' } }],
    });
    const row = (id: string, createdAt: Date) => ({
      id,
      ownerId,
      workflowName: 'stranded',
      version: 1,
      definition,
      status: 'queued' as const,
      input: {},
      trigger: { kind: 'manual' as const, surface: 'test' },
      createdAt,
    });
    const [old, fresh] = [newId(), newId()];
    await testApp.app.database.db
      .insert(workflowRuns)
      .values([row(old, new Date(Date.now() - 120_000)), row(fresh, new Date())]);
    expect(await runs.startStranded()).toBe(1);
    const actor = restActor(ownerId);
    expect(await runs.waitForEnd(actor, old, { timeoutMs: 10_000 })).toMatchObject({
      status: 'succeeded',
      output: { message: 'at last' },
    });
    expect((await runs.get(actor, fresh)).status).toBe('queued');
    expect(await runs.startStranded()).toBe(0);
    await testApp.app.database.db.delete(workflowRuns).where(eq(workflowRuns.id, fresh));
  });

  it('fails a foreach whose list is longer than the cap, naming the cap', async () => {
    const detail = await run(
      {
        name: 'too-many-items',
        steps: [
          {
            id: 'each',
            kind: 'foreach',
            items: 'input.list',
            steps: [{ id: 'say', kind: 'tool', tool: 'echo', input: { message: 'x' } }],
          },
        ],
      },
      { list: Array.from({ length: 10_001 }, (_, index) => index) },
    );
    expect(detail.status).toBe('failed');
    expect(detail.error).toMatchObject({ code: 'EXPRESSION_FAILED', step_path: 'each' });
    expect(detail.error?.message).toContain('10000');
  });

  it('refuses an input that does not match the input schema, naming the field, and stores nothing', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'strict',
      input_schema: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } },
      steps: [{ id: 'noop', kind: 'tool', tool: 'echo', input: { message: 'x' } }],
    });
    const start = (input: Record<string, unknown>) =>
      testApp.app.workflows.runs.start(restActor(ownerId), {
        workflow: 'strict',
        input,
        trigger: { kind: 'manual', surface: 'test' },
      });
    await expect(start({ count: 'many' })).rejects.toMatchObject({
      code: 'RUN_INPUT_INVALID',
      field: 'input.count',
    });
    await expect(start({})).rejects.toMatchObject({ code: 'RUN_INPUT_INVALID', field: 'input.count' });
    const page = await testApp.app.workflows.runs.list(restActor(ownerId), { limit: 100 });
    expect(page.items.some((item) => item.workflow_name === 'strict')).toBe(false);
  });

  it('fails an agent step naming an agent the user cannot ask, by its step', async () => {
    const detail = await run({
      name: 'agent',
      steps: [{ id: 'think', kind: 'agent', agent: 'someone', input: 'think' }],
    });
    expect(detail.error).toMatchObject({ code: 'AGENT_NOT_FOUND', step_path: 'think' });
  });

  it('reports progress to a caller that waits, step by step, ending at all steps done', async () => {
    await insertWorkflow(testApp.app, ownerId, {
      name: 'progress',
      steps: [
        { id: 'one', kind: 'tool', tool: 'hold', input: { key: 'progress', ms: 100 } },
        { id: 'two', kind: 'tool', tool: 'hold', needs: ['one'], input: { key: 'progress', ms: 100 } },
        { id: 'three', kind: 'tool', tool: 'hold', needs: ['two'], input: { key: 'progress', ms: 100 } },
      ],
    });
    const actor = restActor(ownerId);
    const { runs } = testApp.app.workflows;
    const started = await runs.start(actor, {
      workflow: 'progress',
      trigger: { kind: 'manual', surface: 'test' },
    });
    const heard: [number, number, string][] = [];
    const ended = await runs.waitForEnd(actor, started.id, {
      timeoutMs: 20_000,
      onStep: (done, total, message) => heard.push([done, total, message]),
    });
    expect(ended.status).toBe('succeeded');
    expect(heard.at(-1)?.slice(0, 2)).toEqual([3, 3]);
    expect(heard.map(([done]) => done)).toEqual([...heard.map(([done]) => done)].sort());
  });

  it('gives expressions the run: its id, workflow name and start time', async () => {
    const detail = await run({
      name: 'knows-its-run',
      steps: [
        {
          id: 'say',
          kind: 'tool',
          tool: 'echo',
          input: { message: '{{ run.workflow_name }} {{ run.id }} {{ run.started_at }}' },
        },
      ],
    });
    expect(detail.output).toEqual({ message: `knows-its-run ${detail.id} ${detail.started_at}` });
  });
});
