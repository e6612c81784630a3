import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '../../src/actor.js';
import type { WorkflowDefinitionInput } from '../../src/modules/workflows/definition.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';

/** Approvals in real workflow runs: parallel branches and child workflows each resume only their own wait. */
describe('approvals in workflow runs', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let owner: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    owner = restActor((await seedUser(testApp.app, { email: 'approver@example.com' })).id);
  });
  afterAll(() => testApp?.close());

  const start = async (definition: WorkflowDefinitionInput, input: Record<string, unknown> = {}) => {
    await insertWorkflow(testApp.app, owner.userId, definition);
    return testApp.app.workflows.runs.start(owner, {
      workflow: definition.name,
      input,
      trigger: { kind: 'manual', surface: 'test' },
    });
  };
  /** The pending approval of a step, once the run has reached it. */
  const pendingAt = (runId: string, path: string) =>
    vi.waitFor(
      async () => {
        const { items } = await testApp.app.workflows.approvals.list(owner, { status: 'pending' });
        const found = items.find((item) => item.run_id === runId && item.step_path === path);
        if (!found) throw new Error(`${runId} has no pending approval at ${path} yet`);
        return found;
      },
      { timeout: 20_000, interval: 100 },
    );
  const stepStatus = async (runId: string, path: string) =>
    (await testApp.app.workflows.runs.get(owner, runId)).steps.find((step) => step.path === path)?.status;

  it.each([
    ['legal first', ['legal', 'finance']],
    ['finance first', ['finance', 'legal']],
  ])(
    'runs two parallel approvals, answered in either order (%s), each branch with its own answer',
    async (_, order) => {
      const started = await start(
        {
          name: `two-approvals-${order[0]}`,
          steps: [
            {
              id: 'both',
              kind: 'parallel',
              branches: [
                [{ id: 'legal', kind: 'approval', message: 'Legal: publish {{ input.doc }}?' }],
                [{ id: 'finance', kind: 'approval', message: 'Finance: pay for {{ input.doc }}?' }],
              ],
            },
            {
              id: 'after',
              kind: 'tool',
              tool: 'echo',
              needs: ['both'],
              input: { message: '{{ steps.legal.output.comment + " / " + steps.finance.output.comment }}' },
            },
          ],
        },
        { doc: 'the report' },
      );
      const paths = { legal: 'both[0].legal', finance: 'both[1].finance' } as const;
      const approvals = {
        legal: await pendingAt(started.id, paths.legal),
        finance: await pendingAt(started.id, paths.finance),
      };
      expect(approvals.legal.message).toBe('Legal: publish the report?');
      const answers = {
        legal: { approved: true, comment: 'legal says yes' },
        finance: { approved: false, comment: 'finance says no' },
      };
      const [earlier, later] = order as ['legal' | 'finance', 'legal' | 'finance'];

      await testApp.app.workflows.approvals.answer(owner, approvals[earlier].id, answers[earlier]);
      await vi.waitFor(async () => expect(await stepStatus(started.id, paths[earlier])).toBe('succeeded'), {
        timeout: 20_000,
      });
      // The other branch still waits for its own answer.
      expect(await stepStatus(started.id, paths[later])).toBe('waiting');
      expect((await testApp.app.workflows.approvals.get(owner, approvals[later].id)).status).toBe('pending');

      await testApp.app.workflows.approvals.answer(owner, approvals[later].id, answers[later]);
      const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
      expect(ended.status).toBe('succeeded');
      const detail = await testApp.app.workflows.runs.get(owner, started.id);
      expect(detail.output).toEqual({ message: 'legal says yes / finance says no' });
      expect(detail.steps.find((step) => step.path === paths.finance)?.output).toMatchObject({
        approved: false,
      });
    },
  );

  it('resumes an approval inside a child workflow, and the parent goes on with the child’s answer', async () => {
    await insertWorkflow(testApp.app, owner.userId, {
      name: 'sign-off',
      input_schema: { type: 'object', properties: { what: { type: 'string' } } },
      steps: [{ id: 'sign', kind: 'approval', message: 'Sign {{ input.what }}?' }],
    });
    const started = await start({
      name: 'with-child',
      steps: [
        { id: 'kid', kind: 'workflow', workflow: 'sign-off', input: { what: 'the contract' } },
        {
          id: 'after',
          kind: 'tool',
          tool: 'echo',
          needs: ['kid'],
          input: { message: '{{ steps.kid.output.comment }}' },
        },
      ],
    });
    const childRunId = `${started.id}:kid@run`;
    const approval = await pendingAt(childRunId, 'sign');
    expect(approval).toMatchObject({ workflow_name: 'sign-off', message: 'Sign the contract?' });

    await testApp.app.workflows.approvals.answer(owner, approval.id, { approved: true, comment: 'signed' });
    const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
    expect(ended.status).toBe('succeeded');
    expect((await testApp.app.workflows.runs.get(owner, started.id)).output).toEqual({ message: 'signed' });
    expect(await testApp.app.workflows.runs.get(owner, childRunId)).toMatchObject({ status: 'succeeded' });
  });

  it('closes the approval of a cancelled run, and asks again when the run is resumed', async () => {
    const started = await start({
      name: 'cancel-resume',
      steps: [{ id: 'ok', kind: 'approval', message: 'Go ahead?' }],
    });
    const { approvals, runs } = testApp.app.workflows;
    const first = await pendingAt(started.id, 'ok');
    await runs.cancel(owner, started.id);
    expect((await approvals.get(owner, first.id)).status).toBe('cancelled');
    await expect(approvals.answer(owner, first.id, { approved: true })).rejects.toMatchObject({
      code: 'APPROVAL_ALREADY_ANSWERED',
    });

    await runs.resume(owner, started.id);
    const again = await pendingAt(started.id, 'ok');
    expect(again.id).toBe(first.id);
    await approvals.answer(owner, again.id, { approved: true, comment: 'now' });
    const ended = await runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
    expect(ended.status).toBe('succeeded');
    expect((await runs.get(owner, started.id)).output).toMatchObject({ approved: true, comment: 'now' });
  });

  /** Waits until `atLeast` Postgres sessions match `condition` (on pg_stat_activity), seen from `client`. */
  const untilSessions = (client: pg.Client, condition: string, atLeast = 1) =>
    vi.waitFor(
      async () => {
        const { rows } = await client.query<{ sessions: number }>(
          `select count(*)::int as sessions from pg_stat_activity where ${condition}`,
        );
        expect(rows[0]?.sessions).toBeGreaterThanOrEqual(atLeast);
      },
      { timeout: 20_000, interval: 20 },
    );

  /**
   * A cancel's locks, taken as `cancelRun` takes them, from a connection of its own: the run's row,
   * then — once `blockedWriter` has happened and some other session waits for that row — its
   * steps' rows. A writer that took a step's row before waiting for the run's deadlocks with it:
   * Postgres then aborts one of the two (40P01).
   */
  async function cancelWhile(runId: string, blockedWriter: () => Promise<void>) {
    const cancel = new pg.Client({ connectionString: testApp.app.database.url });
    await cancel.connect();
    try {
      await cancel.query('begin');
      await cancel.query('update workflow_runs set status = status where id = $1', [runId]);
      await blockedWriter();
      await untilSessions(cancel, 'pg_backend_pid() = any(pg_blocking_pids(pid))');
      await cancel.query('update workflow_run_steps set status = status where run_id = $1', [runId]);
      await cancel.query('commit');
    } finally {
      await cancel.end();
    }
  }

  it('marks a step running after its approval without deadlocking with a cancel', async () => {
    const started = await start({
      name: 'lock-order-running',
      steps: [{ id: 'ok', kind: 'approval', message: 'Go ahead?' }],
    });
    const approval = await pendingAt(started.id, 'ok');
    await vi.waitFor(async () => expect(await stepStatus(started.id, 'ok')).toBe('waiting'), 10_000);
    // The answer wakes the step, which marks itself and its run running.
    await cancelWhile(started.id, async () => {
      await testApp.app.workflows.approvals.answer(owner, approval.id, { approved: true });
    });
    const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
    expect(ended.status).toBe('succeeded');
  });

  it('marks a step waiting for its approval without deadlocking with a cancel', async () => {
    // The approval's insert sleeps, so the cancel takes the run's row before the step marks itself
    // and its run waiting.
    const database = new pg.Client({ connectionString: testApp.app.database.url });
    await database.connect();
    await database.query(`create function held_approval() returns trigger language plpgsql as
      $$ begin perform pg_sleep(0.5); return new; end $$`);
    await database.query(`create trigger held_approval before insert on workflow_approvals for each row
      when (new.message = 'Held?') execute function held_approval()`);
    try {
      const started = await start({
        name: 'lock-order-waiting',
        steps: [{ id: 'ok', kind: 'approval', message: 'Held?' }],
      });
      await untilSessions(database, "wait_event = 'PgSleep'");
      await cancelWhile(started.id, async () => {});
      const approval = await pendingAt(started.id, 'ok');
      await testApp.app.workflows.approvals.answer(owner, approval.id, { approved: true });
      const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
      expect(ended.status).toBe('succeeded');
    } finally {
      await database.query('drop trigger held_approval on workflow_approvals');
      await database.query('drop function held_approval()');
      await database.end();
    }
  });

  it('runs on, not waiting, when two parallel approvals are answered at the same moment', async () => {
    const started = await start({
      name: 'answered-together',
      steps: [
        {
          id: 'both',
          kind: 'parallel',
          branches: [
            [{ id: 'legal', kind: 'approval', message: 'Legal?' }],
            [{ id: 'finance', kind: 'approval', message: 'Finance?' }],
          ],
        },
        { id: 'after', kind: 'tool', tool: 'hold', needs: ['both'], input: { key: 'together', ms: 8_000 } },
      ],
    });
    const paths = ['both[0].legal', 'both[1].finance'] as const;
    const approvals = [await pendingAt(started.id, paths[0]), await pendingAt(started.id, paths[1])];
    for (const path of paths)
      await vi.waitFor(async () => expect(await stepStatus(started.id, path)).toBe('waiting'), 10_000);
    // Each branch, woken, marks its step running inside a trigger that waits for a lock the test
    // holds; released, the two go on at once. Each must then see the other's step running (one
    // after the other), or the run would be left "waiting" with no step waiting.
    const holder = new pg.Client({ connectionString: testApp.app.database.url });
    await holder.connect();
    const lockKey = 7_316_001;
    await holder.query(`create function held_wake() returns trigger language plpgsql as
      $$ begin perform pg_advisory_xact_lock_shared(${lockKey}); return new; end $$`);
    await holder.query(`create trigger held_wake before update on workflow_run_steps for each row
      when (old.status = 'waiting' and new.status = 'running'
        and new.run_id = ${holder.escapeLiteral(started.id)}) execute function held_wake()`);
    try {
      await holder.query('select pg_advisory_lock($1)', [lockKey]);
      for (const approval of approvals)
        await testApp.app.workflows.approvals.answer(owner, approval.id, { approved: true });
      await untilSessions(
        holder,
        'datname = current_database() and cardinality(pg_blocking_pids(pid)) > 0',
        2,
      );
      await holder.query('select pg_advisory_unlock_all()');
      await vi.waitFor(async () => expect(await stepStatus(started.id, 'after')).toBe('running'), 10_000);
      expect((await testApp.app.workflows.runs.get(owner, started.id)).status).toBe('running');
    } finally {
      await holder.query('select pg_advisory_unlock_all()');
      await holder.query('drop trigger held_wake on workflow_run_steps');
      await holder.query('drop function held_wake()');
      await holder.end();
    }
    const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
    expect(ended.status).toBe('succeeded');
  });

  it('waits for an event of the run’s owner in a real run, and takes the first that matches', async () => {
    const started = await start({
      name: 'wait-for-task',
      steps: [
        {
          id: 'task',
          kind: 'wait_event',
          event: 'task.*',
          filter: 'event.type == "task.completed"',
          timeout_ms: 30_000,
        },
      ],
    });
    await vi.waitFor(async () => expect(await stepStatus(started.id, 'task')).toBe('waiting'), {
      timeout: 20_000,
    });
    const task = await testApp.app.tasks.add(owner, { title: 'Finish the report' });
    await testApp.app.tasks.complete(owner, task.id);
    const ended = await testApp.app.workflows.runs.waitForEnd(owner, started.id, { timeoutMs: 30_000 });
    expect(ended.status).toBe('succeeded');
    expect((await testApp.app.workflows.runs.get(owner, started.id)).output).toMatchObject({
      type: 'task.completed',
      data: { task_id: task.id },
    });
  });
});
