import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { actingAs } from '../../src/actor.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';

type Request = ReturnType<typeof as>;
type Run = {
  id: string;
  status: string;
  output: Record<string, unknown> | null;
  pipeline: { total: number; done: number; failed: number; paused: boolean } | null;
  trigger: Record<string, unknown>;
  cache_hits: number;
};

/**
 * Pipelines on the real engine over REST: a batch of documents with a concurrency limit, progress
 * events, failing items that do not stop the others and are retried alone, the step cache (counted
 * in real tool calls), pause/resume/cancel, and the parallelism derived on save.
 */
describe.runIf(postgresAvailable)('pipelines', { timeout: 180_000 }, () => {
  let testApp: TestApp;
  let request: Request;
  let ownerId: string;
  const events: AnyBusEvent[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    ownerId = (await seedUser(testApp.app, { email: 'batch@example.com' })).id;
    request = as(testApp.app, { cookie: await signIn(testApp.app, 'batch@example.com') });
    testApp.app.bus.subscribe('*', (event) => void events.push(event));
  });
  afterAll(() => testApp?.close());

  const owner = () => actingAs({ userId: ownerId, role: 'user', via: 'http' });

  async function save(definition: Record<string, unknown>) {
    const response = await request({ method: 'POST', url: '/api/v1/workflows', payload: definition });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; plan: string[][]; definition: { steps: { needs?: string[] }[] } };
  }

  async function start(workflowId: string, input: Record<string, unknown>): Promise<Run> {
    const response = await request({
      method: 'POST',
      url: `/api/v1/workflows/${workflowId}/runs`,
      payload: { input },
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as Run;
  }

  type StepView = { path: string; status: string; cache_hit: boolean; output: unknown };
  async function get(runId: string): Promise<Run & { steps: StepView[] }> {
    const response = await request({ method: 'GET', url: `/api/v1/workflow-runs/${runId}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function until(runId: string, done: (run: Run) => boolean, timeoutMs = 120_000): Promise<Run> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await get(runId);
      if (done(run)) return run;
      if (Date.now() > deadline)
        throw new Error(`run ${runId} still ${run.status}: ${JSON.stringify(run.pipeline)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const ended = (run: Run) => ['succeeded', 'failed', 'cancelled'].includes(run.status);

  /** Tool calls announced since `from` (the bus batches them: give it a moment). */
  async function toolCalls(from: number, tool: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 600));
    return events.slice(from).filter((event) => event.type === 'tool.called' && event.data.tool === tool)
      .length;
  }

  let batches = 0;
  /** Documents with texts no earlier batch had (the cache is per text). */
  const documents = async (count: number, bad: number[]) => {
    batches++;
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const content = bad.includes(index)
        ? `BAD note ${index}`
        : `Note ${index} of batch ${batches}. The weather is lovely and the team is happy with the good results.`;
      const created = await testApp.app.resources.create(owner(), {
        kind: 'text',
        name: `note-${index}`,
        content,
        tags: ['batch'],
      });
      ids.push(created.id);
    }
    return ids;
  };

  /** Per document: sentiment (cached), a fixture that counts how many wait at once, and a normalize that refuses "BAD" texts. */
  const batchPipeline = {
    name: 'batch',
    kind: 'pipeline',
    pipeline: { concurrency: 4 },
    steps: [
      {
        id: 'sentiment',
        kind: 'tool',
        tool: 'analyze_sentiment',
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      { id: 'hold', kind: 'tool', tool: 'hold', input: { key: '{{ run.id }}', ms: 250 } },
      {
        id: 'unicode',
        kind: 'tool',
        tool: 'normalize_unicode',
        input: { text: '{{ item.text }}', form: '{{ item.text.startsWith("BAD") ? "NOPE" : "NFC" }}' },
      },
    ],
  };

  it('runs 50 documents four at a time past two bad ones, with progress, then retries the bad ones alone', async () => {
    const ids = await documents(50, [7, 31]);
    const workflow = await save(batchPipeline);
    expect(workflow.plan).toEqual([['sentiment', 'hold', 'unicode']]);
    const from = events.length;
    const started = await start(workflow.id, { document_ids: ids });
    const run = await until(started.id, ended);
    expect(run.status).toBe('succeeded');
    expect(run.pipeline).toEqual({ total: 50, done: 48, failed: 2, paused: false });
    expect(run.output).toMatchObject({ total: 50, succeeded: 48, failed: 2 });

    const progress = events
      .slice(from)
      .filter((event) => event.type === 'workflow.pipeline.progress' && event.data.run_id === run.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const allProgress = events
      .slice(from)
      .filter((event) => event.type === 'workflow.pipeline.progress' && event.data.run_id === run.id);
    expect(allProgress.length).toBe(50);
    expect(progress.length).toBeGreaterThan(0);
    const last = allProgress.map((event) => event.data as { done: number; failed: number; total: number });
    expect(last.map((one) => one.done + one.failed).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );

    // At most four at once, and more than one: the hold fixture reports the most that waited together
    // (four is usual; a loaded machine may start the next item only after a slow oldest one).
    const detail = await get(run.id);
    const holds = (
      detail as unknown as { steps: { step_id: string; output: { most_at_once?: number } }[] }
    ).steps
      .filter((step) => step.step_id === 'hold')
      .map((step) => Object.values(step.output ?? {}).find((value) => typeof value === 'number') as number);
    expect(Math.max(...holds)).toBeLessThanOrEqual(4);
    expect(Math.max(...holds)).toBeGreaterThanOrEqual(2);

    const failed = await request({
      method: 'GET',
      url: `/api/v1/workflow-runs/${run.id}/items?status=failed`,
    });
    expect(failed.statusCode).toBe(200);
    const failedItems = failed.json().items as {
      index: number;
      error: { code: string; step_path: string };
    }[];
    expect(failedItems.map((item) => item.index)).toEqual([7, 31]);
    expect(failedItems[0]?.error.step_path).toBe('items[7].unicode');

    // The two documents fixed, their items alone run again: two items' worth of tool calls.
    for (const index of [7, 31])
      await testApp.app.resources.update(owner(), ids[index] as string, { content: `Fixed note ${index}.` });
    const before = events.length;
    const retried = await request({ method: 'POST', url: `/api/v1/workflow-runs/${run.id}/retry-failed` });
    expect(retried.statusCode, retried.body).toBe(202);
    const retry = await until((retried.json() as Run).id, ended);
    expect(retry.status).toBe('succeeded');
    expect(retry.trigger).toMatchObject({ kind: 'retry_failed', of_run_id: run.id, items: 2 });
    expect(retry.pipeline).toEqual({ total: 2, done: 2, failed: 0, paused: false });
    expect(await toolCalls(before, 'normalize_unicode')).toBe(2);
    expect(await toolCalls(before, 'hold')).toBe(2);

    // Only failed items are retried: a run with none is a conflict.
    const again = await request({ method: 'POST', url: `/api/v1/workflow-runs/${retry.id}/retry-failed` });
    expect(again.statusCode).toBe(409);
  });

  it('a second run with the cache makes no calls of the cached tool for unchanged items', async () => {
    const ids = await documents(12, []);
    const workflow = await save({ ...batchPipeline, name: 'cached' });
    // The sentiment library loads on its first call: load it before, or in a process that runs
    // this test alone that load, not the steps' own times, decides the dominating step below.
    const warm = await request({
      method: 'POST',
      url: '/api/v1/tools/analyze_sentiment',
      payload: { text: 'Fine.' },
    });
    expect(warm.statusCode, warm.body).toBe(200);
    const first = events.length;
    const one = await until((await start(workflow.id, { document_ids: ids })).id, ended);
    expect(one.status).toBe('succeeded');
    expect(await toolCalls(first, 'analyze_sentiment')).toBeGreaterThan(0);

    await testApp.app.resources.update(owner(), ids[0] as string, { content: 'A changed text, terrible.' });
    const second = events.length;
    const two = await until((await start(workflow.id, { document_ids: ids })).id, ended);
    expect(two.status).toBe('succeeded');
    // One document changed: one call; the eleven unchanged ones answered from the cache.
    expect(await toolCalls(second, 'analyze_sentiment')).toBe(1);
    const hits = (await get(two.id)).steps.filter(
      (step) => step.path.endsWith('.sentiment') && step.cache_hit,
    );
    expect(hits).toHaveLength(11);
    // A hit's row shows the output the first run computed (copied from the cache entry).
    const firstRows = new Map((await get(one.id)).steps.map((step) => [step.path, step.output]));
    for (const hit of hits) {
      expect(hit.output).toMatchObject({ label: expect.any(String) });
      expect(hit.output).toEqual(firstRows.get(hit.path));
    }
    // The run record counts them.
    expect(two.cache_hits).toBe(11);
    expect(one.cache_hits).toBe(0);

    const performance = await request({ method: 'GET', url: `/api/v1/workflows/${workflow.id}/performance` });
    expect(performance.statusCode, performance.body).toBe(200);
    const figures = performance.json() as {
      runs: number;
      dominating_step: string;
      steps: {
        step_id: string;
        cache_hit_rate: number;
        failure_rate: number;
        p50_ms: number;
        p95_ms: number;
      }[];
    };
    expect(figures.runs).toBe(2);
    const sentiment = figures.steps.find((step) => step.step_id === 'sentiment');
    expect(sentiment?.cache_hit_rate).toBeCloseTo(11 / 24, 5);
    expect(sentiment?.failure_rate).toBe(0);
    expect(figures.dominating_step).toBe('hold');

    const cleared = await request({
      method: 'DELETE',
      url: '/api/v1/workflow-cache?subject=analyze_sentiment',
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().removed).toBeGreaterThanOrEqual(12);
    const third = events.length;
    await until((await start(workflow.id, { document_ids: ids })).id, ended);
    expect(await toolCalls(third, 'analyze_sentiment')).toBe(12);
  });

  it("shows a hit's output in its row when its cache entry was cleared while the item ran", async () => {
    const ids = await documents(2, []);
    const workflow = await save({
      name: 'cleared-meanwhile',
      kind: 'pipeline',
      pipeline: { concurrency: 4 },
      steps: [
        {
          id: 'sentiment',
          kind: 'tool',
          tool: 'analyze_sentiment',
          cache: true,
          input: { text: '{{ item.text }}' },
        },
        { id: 'hold', kind: 'tool', tool: 'hold', input: { key: '{{ run.id }}', ms: 2_000 } },
      ],
    });
    const one = await until((await start(workflow.id, { document_ids: ids })).id, ended);
    expect(one.status).toBe('succeeded');
    const firstRows = new Map((await get(one.id)).steps.map((step) => [step.path, step.output]));

    const two = await start(workflow.id, { document_ids: ids });
    // Both items hold (their sentiment was read from the cache before); the entries go meanwhile.
    for (const deadline = Date.now() + 60_000; ;) {
      const holding = (await get(two.id)).steps.filter(
        (step) => step.path.endsWith('.hold') && step.status === 'running',
      );
      if (holding.length === 2) break;
      if (Date.now() > deadline) throw new Error('The items never held');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cleared = await request({
      method: 'DELETE',
      url: '/api/v1/workflow-cache?subject=analyze_sentiment',
    });
    expect(cleared.json().removed).toBeGreaterThanOrEqual(2);

    const done = await until(two.id, ended);
    expect(done.status).toBe('succeeded');
    expect(done.cache_hits).toBe(2);
    const hits = (await get(two.id)).steps.filter((step) => step.path.endsWith('.sentiment'));
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(hit.cache_hit).toBe(true);
      expect(hit.output).toMatchObject({ label: expect.any(String) });
      expect(hit.output).toEqual(firstRows.get(hit.path));
    }
  });

  it('pauses (no new item starts), resumes, and cancels a batch', async () => {
    const workflow = await save({
      name: 'slow-batch',
      kind: 'pipeline',
      pipeline: { concurrency: 2 },
      steps: [{ id: 'wait', kind: 'tool', tool: 'hold', input: { key: 'pause-{{ run.id }}', ms: 150 } }],
    });
    const texts = Array.from({ length: 30 }, (_, index) => `text ${index}`);
    const run = await start(workflow.id, { texts });
    await until(run.id, (current) => (current.pipeline?.done ?? 0) >= 2);
    const paused = await request({ method: 'POST', url: `/api/v1/workflow-runs/${run.id}/pause` });
    expect(paused.statusCode, paused.body).toBe(200);
    expect((paused.json() as Run).pipeline?.paused).toBe(true);
    // The items under way finish; then nothing moves.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const still = (await get(run.id)).pipeline?.done ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await get(run.id)).pipeline?.done).toBe(still);
    expect(still).toBeLessThan(30);

    const resumed = await request({ method: 'POST', url: `/api/v1/workflow-runs/${run.id}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(200);
    await until(run.id, (current) => (current.pipeline?.done ?? 0) >= still + 2);

    const cancelled = await request({ method: 'POST', url: `/api/v1/workflow-runs/${run.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((cancelled.json() as Run).status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = await get(run.id);
    expect(after.status).toBe('cancelled');
    expect(after.pipeline?.done).toBeLessThan(30);

    // Pausing a plain workflow's run, or an ended run, is a conflict.
    const ended409 = await request({ method: 'POST', url: `/api/v1/workflow-runs/${run.id}/pause` });
    expect(ended409.statusCode).toBe(409);
  });

  it('derives needs from the expressions on save: independent steps overlap, the joining step waits', async () => {
    const workflow = await save({
      name: 'derived',
      steps: [
        { id: 'left', kind: 'tool', tool: 'hold', input: { key: 'derived-{{ run.id }}', ms: 400 } },
        { id: 'right', kind: 'tool', tool: 'hold', input: { key: 'derived-{{ run.id }}', ms: 400 } },
        {
          id: 'join',
          kind: 'tool',
          tool: 'echo',
          input: {
            message:
              '{{ string(steps.left.output.most_at_once) + " " + string(steps.right.output.most_at_once) }}',
          },
        },
      ],
    });
    expect(workflow.plan).toEqual([['left', 'right'], ['join']]);
    expect(workflow.definition.steps[2]?.needs).toEqual(['left', 'right']);
    const run = await until((await start(workflow.id, {})).id, ended);
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    const steps = (await get(run.id)).steps as unknown as {
      step_id: string;
      started_at: string;
      ended_at: string;
    }[];
    const at = (id: string) => steps.find((step) => step.step_id === id) as (typeof steps)[number];
    // They overlapped in time: each started before the other ended.
    expect(Date.parse(at('left').started_at)).toBeLessThan(Date.parse(at('right').ended_at));
    expect(Date.parse(at('right').started_at)).toBeLessThan(Date.parse(at('left').ended_at));
    expect(Date.parse(at('join').started_at)).toBeGreaterThanOrEqual(Date.parse(at('left').ended_at));
  });

  it('computes a pure step repeated with the same input once per run (items at once included), counted as hits', async () => {
    const workflow = await save({
      name: 'repeated',
      kind: 'pipeline',
      pipeline: { concurrency: 4 },
      steps: [
        {
          id: 'nfc',
          kind: 'tool',
          tool: 'normalize_unicode',
          input: { text: '{{ item.text }}', form: 'NFC' },
        },
      ],
    });
    const texts = ['The same text, once more.', 'The same text, once more.', 'Another text.'];
    const from = events.length;
    const run = await until((await start(workflow.id, { texts: [...texts, texts[0]] })).id, ended);
    expect(run.status).toBe('succeeded');
    expect(await toolCalls(from, 'normalize_unicode')).toBe(2);
    expect(run.cache_hits).toBe(2);
    const steps = (await get(run.id)).steps;
    expect(steps.filter((step) => step.cache_hit)).toHaveLength(2);
    expect(steps.find((step) => step.path === 'items[2].nfc')?.cache_hit).toBe(false);
  });

  it('takes its items from a tag, from texts and from a CSV document; refuses a run without items', async () => {
    const workflow = await save({
      name: 'lengths',
      kind: 'pipeline',
      steps: [{ id: 'basic', kind: 'tool', tool: 'analyze_text_basic', input: { text: '{{ item.text }}' } }],
    });
    await testApp.app.resources.create(owner(), {
      kind: 'text',
      name: 'r1',
      content: 'One two.',
      tags: ['research'],
    });
    await testApp.app.resources.create(owner(), {
      kind: 'text',
      name: 'r2',
      content: 'Three.',
      tags: ['research'],
    });
    const byTag = await until((await start(workflow.id, { tag: 'research' })).id, ended);
    expect(byTag.pipeline).toMatchObject({ total: 2, done: 2 });

    const csv = await testApp.app.resources.create(owner(), {
      kind: 'text',
      name: 'people.csv',
      mime_type: 'text/plain',
      content: 'name,comment\nAda,"Likes maths, a lot"\nBob,Hello\n',
    });
    const byRows = await until((await start(workflow.id, { file: csv.id })).id, ended);
    expect(byRows.pipeline).toMatchObject({ total: 2, done: 2 });
    const items = (await request({ method: 'GET', url: `/api/v1/workflow-runs/${byRows.id}/items` })).json()
      .items as { item: { row: Record<string, string> } }[];
    expect(items[0]?.item.row).toEqual({ name: 'Ada', comment: 'Likes maths, a lot' });

    const byTexts = await until((await start(workflow.id, { texts: ['a b c', 'd e'] })).id, ended);
    expect(byTexts.pipeline).toMatchObject({ total: 2, done: 2 });

    const none = await request({
      method: 'POST',
      url: `/api/v1/workflows/${workflow.id}/runs`,
      payload: { input: {} },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('RUN_INPUT_INVALID');
  });
});
