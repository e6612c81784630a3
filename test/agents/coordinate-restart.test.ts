import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** The coordinator is a DBOS workflow: a restart mid-way does not lose it. */
describe('a coordination across a restart', () => {
  let database: TestDatabase;
  let model: FakeModelServer;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    model = await startFakeModelServer();
  });
  afterAll(async () => {
    await database?.drop();
    await model?.close();
  });

  /** The app as `serve` builds it, on the same database and executor id each time. */
  const start = () =>
    createApp({
      // A short drain: the waiting workflows are left PENDING at close, as after a stop mid-way.
      config: testConfig({
        ...database.settings,
        instanceId: 'coordinate-restart',
        shutdownTimeoutMs: '1000',
        model: 'openai-compatible:fake-model',
        modelBaseUrl: model.baseUrl,
      }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });

  it('finishes on the new app after a restart while a part’s run waits for approval', async () => {
    const first = await start();
    const alice = actingAs({
      userId: (await seedUser(first, { email: 'alice@example.com' })).id,
      role: 'user',
      via: 'http',
    });
    await seedUser(first, { email: 'bob@example.com' });
    const aliceCookie = await signIn(first, 'alice@example.com');
    const bobCookie = await signIn(first, 'bob@example.com');
    await first.agents.create(alice, {
      name: 'zorblifier',
      description: 'Zorblifies things',
      tools: ['delete_task'],
      capabilities: [{ name: 'zorblify', description: 'Zorblifies a thing by deleting its task' }],
    });
    const doomed = (await first.tasks.add(alice, { title: 'The old thing' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: doomed } }] },
      { text: 'Zorblified the old thing.' },
    );
    const started = await first.agentCoop.coordinator.start(alice, { goal: 'Zorblify the old thing.' });
    // The part is handed out and its run holds the destructive call: the coordination waits on it.
    const held = await vi.waitFor(
      async () => {
        const coordination = await first.agentCoop.coordinator.get(alice, started.id);
        const runId = coordination.parts[0]?.run_id;
        if (!runId) throw new Error('not handed out yet');
        const run = await first.agentRuns.get(alice, runId);
        if (run.status !== 'waiting') throw new Error(`the run is ${run.status}`);
        return run;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect((await first.agentCoop.coordinator.get(alice, started.id)).status).toBe('running');
    await first.close();

    const second = await start();
    try {
      await second.agentRuns.answerApprovals(alice, held.id, {
        approvals: [{ approval_id: held.approvals[0]?.approval_id ?? '', approved: true }],
      });
      const ended = await second.agentCoop.coordinator.get(alice, started.id, { wait_ms: 60_000 });
      expect(ended).toMatchObject({
        status: 'succeeded',
        parts: [
          {
            part: 'Zorblify the old thing.',
            agent: 'zorblifier',
            run_id: held.id,
            status: 'succeeded',
            output: 'Zorblified the old thing.',
          },
        ],
      });
      expect(ended.report).toContain('zorblifier: Zorblified the old thing.');
      // One hand-off message, not a second one from the replayed step, and acknowledged.
      const messages = await second.agentCoop.mailbox.list(alice, { run_id: held.id });
      expect(messages.items).toMatchObject([
        { id: ended.parts[0]?.message_id, status: 'acked', correlation_id: started.id },
      ]);
      await expect(second.tasks.get(alice, doomed)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });

      // Its owner reads it afterwards over REST; another user's coordination is not found.
      const read = await as(second, { cookie: aliceCookie })({
        method: 'GET',
        url: `/api/v1/agent-coordinations/${started.id}`,
      });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({ id: started.id, status: 'succeeded' });
      const foreign = await as(second, { cookie: bobCookie })({
        method: 'GET',
        url: `/api/v1/agent-coordinations/${started.id}`,
      });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe('AGENT_COORDINATION_NOT_FOUND');
      const bobsList = await as(second, { cookie: bobCookie })({
        method: 'GET',
        url: '/api/v1/agent-coordinations',
      });
      expect(bobsList.json()).toEqual({ items: [] });
    } finally {
      await second.close();
    }
  }, 120_000);
});
