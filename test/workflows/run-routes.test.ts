import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';
import { insertWorkflow } from '../helpers/workflows.js';
import { workflowRuns } from '../../src/modules/workflows/table.js';

/** Runs over REST and MCP tools: start, wait, read, list, cancel, resume, retry, re-run; and nobody else's. */
describe.runIf(postgresAvailable)('workflow runs over REST and tools', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let ownerId: string;
  let owner: ReturnType<typeof as>;
  let other: ReturnType<typeof as>;
  let ownerCookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    const app = testApp.app;
    ownerId = (await seedUser(app, { email: 'owner@example.com' })).id;
    await seedUser(app, { email: 'other@example.com' });
    ownerCookie = await signIn(app, 'owner@example.com');
    otherCookie = await signIn(app, 'other@example.com');
    owner = as(app, { cookie: ownerCookie });
    other = as(app, { cookie: otherCookie });
    await insertWorkflow(app, ownerId, {
      name: 'greet',
      input_schema: { type: 'object', properties: { who: { type: 'string' } } },
      steps: [{ id: 'hello', kind: 'tool', tool: 'echo', input: { message: 'hello {{ input.who }}' } }],
    });
    await insertWorkflow(app, ownerId, {
      name: 'nap',
      steps: [{ id: 'nap', kind: 'sleep', duration_ms: 1_500 }],
    });
    await insertWorkflow(app, ownerId, {
      name: 'half-broken',
      steps: [
        { id: 'first', kind: 'tool', tool: 'fail_times', input: { key: 'half-broken-first', times: 0 } },
        {
          id: 'second',
          kind: 'tool',
          tool: 'fail_times',
          needs: ['first'],
          input: { key: 'half-broken', times: 1 },
        },
      ],
    });
  });
  afterAll(() => testApp?.close());

  const start = (as: typeof owner, workflow: string, input: object = {}, wait = false) =>
    as({
      method: 'POST',
      url: `/api/v1/workflows/${workflow}/runs${wait ? '?wait=true' : ''}`,
      payload: { input },
    });
  const readRun = async (runId: string) =>
    (await owner({ method: 'GET', url: `/api/v1/workflow-runs/${runId}` })).json();
  const until = (runId: string, status: string) =>
    vi.waitFor(
      async () => {
        const run = await readRun(runId);
        expect(run.status, JSON.stringify(run)).toBe(status);
      },
      {
        timeout: 20_000,
        interval: 50,
      },
    );

  it('starts a run (202), or waits for its end (200 with the output), and reads it with its steps', async () => {
    const started = await start(owner, 'greet', { who: 'there' });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({
      workflow_name: 'greet',
      status: 'queued',
      trigger: { kind: 'manual' },
    });
    const waited = await start(owner, 'greet', { who: 'you' }, true);
    expect(waited.statusCode, waited.body).toBe(200);
    expect(waited.json()).toMatchObject({
      status: 'succeeded',
      output: { message: 'hello you' },
      steps_done: 1,
    });
    const detail = await readRun(waited.json().id);
    expect(detail.steps).toEqual([
      expect.objectContaining({
        path: 'hello',
        kind: 'tool',
        status: 'succeeded',
        input: { message: 'hello you' },
        attempts: 1,
      }),
    ]);
    expect(detail.definition).toMatchObject({
      name: 'greet',
      steps: [expect.objectContaining({ id: 'hello' })],
    });
  });

  it('reads a run by an id longer than an item id (a nested child run), up to 300 characters', async () => {
    const long = `${'x'.repeat(150)}:kid@run`;
    const missing = await owner({ method: 'GET', url: `/api/v1/workflow-runs/${long}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('WORKFLOW_RUN_NOT_FOUND');
    // Past the router's parameter limit, Fastify answers as for any unknown path.
    const tooLong = await owner({ method: 'GET', url: `/api/v1/workflow-runs/${'x'.repeat(301)}` });
    expect(tooLong.statusCode).toBe(404);
  });

  it('answers a bad input with 400 RUN_INPUT_INVALID and the field', async () => {
    const response = await start(owner, 'greet', { who: 7 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'RUN_INPUT_INVALID', field: 'input.who' });
  });

  it('lists runs newest first, filtered by status and workflow, a page at a time', async () => {
    await start(owner, 'greet', { who: 'a' }, true);
    await start(owner, 'greet', { who: 'b' }, true);
    const first = (
      await owner({ method: 'GET', url: '/api/v1/workflow-runs?limit=2&status=succeeded' })
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].input).toEqual({ who: 'b' });
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = (
      await owner({
        method: 'GET',
        url: `/api/v1/workflow-runs?limit=2&status=succeeded&cursor=${first.next_cursor}`,
      })
    ).json();
    const ids = [...first.items, ...second.items].map((run: { id: string }) => run.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byWorkflow = (
      await owner({
        method: 'GET',
        url: `/api/v1/workflow-runs?workflow_id=${first.items[0].workflow_id}&limit=100`,
      })
    ).json();
    expect(byWorkflow.items.every((run: { workflow_name: string }) => run.workflow_name === 'greet')).toBe(
      true,
    );
    expect((await other({ method: 'GET', url: '/api/v1/workflow-runs' })).json().items).toEqual([]);
  });

  it('cancels a waiting run (its sleeping step cancelled), then resumes it to its end', async () => {
    const runId = (await start(owner, 'nap')).json().id;
    await until(runId, 'waiting');
    const cancelled = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${runId}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status, JSON.stringify(cancelled.json())).toBe('cancelled');
    expect((await readRun(runId)).steps[0]).toMatchObject({ path: 'nap', status: 'cancelled' });
    const scraped = await testApp.app.http.inject({ method: 'GET', url: '/metrics' });
    expect(scraped.body).toMatch(/^switchboard_workflow_runs_total\{status="cancelled"\} 1$/m);
    const again = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${runId}/cancel` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RUN_STATE_CONFLICT');
    const resumed = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${runId}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(200);
    // The sleep goes on: the run and its step wait again rather than show running.
    expect(resumed.json().status).toBe('waiting');
    expect((await readRun(runId)).steps[0]).toMatchObject({ path: 'nap', status: 'waiting' });
    await until(runId, 'succeeded');
  });

  it('resumes only a run DBOS holds cancelled: an ended one is 409 (retry or re-run it) and stays as it was', async () => {
    const done = (await start(owner, 'greet', { who: 'x' }, true)).json();
    expect(done.status).toBe('succeeded');
    // A cancel that lost the race with the end: the row says cancelled, DBOS says SUCCESS.
    await testApp.app.database.db
      .update(workflowRuns)
      .set({ status: 'cancelled' })
      .where(eq(workflowRuns.id, done.id));
    const resumed = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${done.id}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(409);
    expect(resumed.json().error.code).toBe('RUN_STATE_CONFLICT');
    expect(resumed.json().error.message).toMatch(/re-run it/);
    expect((await readRun(done.id)).status).toBe('cancelled');
    await insertWorkflow(testApp.app, ownerId, {
      name: 'broken',
      steps: [{ id: 'fail', kind: 'tool', tool: 'fail_times', input: { key: 'broken', times: 99 } }],
    });
    const failed = (await start(owner, 'broken', {}, true)).json();
    expect(failed.status).toBe('failed');
    const notResumed = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${failed.id}/resume` });
    expect(notResumed.statusCode).toBe(409);
    expect(notResumed.json().error.message).toMatch(/retry it/);
    expect((await readRun(failed.id)).status).toBe('failed');
  });

  it('retries a failed run as a new run that copies the steps that succeeded, and re-runs one from scratch', async () => {
    const failed = (await start(owner, 'half-broken', {}, true)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'FIXTURE_FAILURE', step_path: 'second' },
    });
    const retry = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${failed.id}/retry` });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().trigger).toEqual({ kind: 'retry', of_run_id: failed.id });
    await until(retry.json().id, 'succeeded');
    const retried = await readRun(retry.json().id);
    // The first step was copied, not called again: fail_times counts its calls per key.
    expect(retried.steps.find((step: { path: string }) => step.path === 'first').output).toEqual({ call: 1 });
    expect(retried.steps.find((step: { path: string }) => step.path === 'second').output).toEqual({
      call: 2,
    });
    const rerun = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${failed.id}/rerun` });
    expect(rerun.statusCode, rerun.body).toBe(200);
    await until(rerun.json().id, 'succeeded');
    expect(
      (await readRun(rerun.json().id)).steps.find((step: { path: string }) => step.path === 'first').output,
    ).toEqual({
      call: 2,
    });
    const notFailed = await owner({ method: 'POST', url: `/api/v1/workflow-runs/${rerun.json().id}/retry` });
    expect(notFailed.statusCode).toBe(409);
  });

  it("hides another user's run and workflow on every route and tool (404, _NOT_FOUND)", async () => {
    const runId = (await start(owner, 'nap')).json().id;
    const routes = [
      ['GET', `/api/v1/workflow-runs/${runId}`],
      ['POST', `/api/v1/workflow-runs/${runId}/cancel`],
      ['POST', `/api/v1/workflow-runs/${runId}/resume`],
      ['POST', `/api/v1/workflow-runs/${runId}/retry`],
      ['POST', `/api/v1/workflow-runs/${runId}/rerun`],
    ] as const;
    for (const [method, url] of routes) {
      const response = await other({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('WORKFLOW_RUN_NOT_FOUND');
    }
    const startOthers = await start(other, 'nap');
    expect(startOthers.statusCode).toBe(404);
    expect(startOthers.json().error.code).toBe('WORKFLOW_NOT_FOUND');
    const got = await callToolOverRest(testApp.app, otherCookie, 'get_workflow_run', { run_id: runId });
    expect(got.structured_content.error_code).toBe('WORKFLOW_RUN_NOT_FOUND');
    const ran = await callToolOverRest(testApp.app, otherCookie, 'run_workflow', { workflow: 'nap' });
    expect(ran.structured_content.error_code).toBe('WORKFLOW_NOT_FOUND');
    const listed = await callToolOverRest(testApp.app, otherCookie, 'list_workflow_runs', {});
    expect(listed.structured_content.items).toEqual([]);
    expect((await readRun(runId)).status).not.toBe('cancelled');
    await until(runId, 'succeeded');
  });

  it('runs a workflow through the run_workflow tool, waiting, and reads it with get_workflow_run', async () => {
    const ran = await callToolOverRest(testApp.app, ownerCookie, 'run_workflow', {
      workflow: 'greet',
      input: { who: 'tool' },
      wait: true,
    });
    expect(ran.is_error).toBe(false);
    const run = ran.structured_content.run as { id: string; status: string; output: unknown };
    expect(run).toMatchObject({ status: 'succeeded', output: { message: 'hello tool' } });
    const got = await callToolOverRest(testApp.app, ownerCookie, 'get_workflow_run', { run_id: run.id });
    expect(got.content[0]?.text).toContain('hello: succeeded');
  });
});
