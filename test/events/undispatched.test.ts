import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { events } from '../../src/bus/table.js';
import { createLogger } from '../../src/logger.js';
import { eventDeliveries } from '../../src/modules/events/table.js';
import { workflowRuns } from '../../src/modules/workflows/table.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';
import { restActor } from '../helpers/workflows.js';
import { saveWorkflow } from '../workflows/seed-workflow.js';
import { startReceiver } from './webhook-receiver.js';

/** Deliveries and runs start on the engine; a busy machine may take several seconds. */
const patience = { timeout: 30_000, interval: 100 };

/**
 * Events stored but never routed (the server stopped between the event's commit and its dispatch
 * in memory): the launch sweep delivers them to subscriptions and starts their event-triggered runs,
 * once; and a workflow target's repeated attempt finds its run there and counts as delivered.
 */
describe.runIf(postgresAvailable)('events stored but never dispatched', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  /** The app as `serve` builds it, on the same database each time. */
  const start = () =>
    createApp({
      config: testConfig({
        ...database.settings,
        instanceId: 'undispatched-events',
        mcpFixtures: 'true',
        fetchAllowedHosts: '127.0.0.1',
        eventHookLocalHttp: 'true',
        eventDeliveryBackoffMs: '100',
        eventDeliveryRetryMs: '700',
      }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await database?.drop();
  });

  const echoWorkflow = (name: string, triggers: object[] = []) => ({
    name,
    input_schema: { type: 'object', properties: { event: { type: 'object' } } },
    steps: [{ id: 'say', kind: 'tool', tool: 'echo', input: { message: 'Got it' } }],
    triggers,
  });

  it('delivers at launch an event stored without dispatch, once, and starts its triggered run once', async () => {
    const first = await start();
    app = first;
    const { id: aliceId } = await seedUser(first, { email: 'alice-undispatched@example.com' });
    const alice = as(first, { cookie: await signIn(first, 'alice-undispatched@example.com') });
    const made = await alice({
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 'swept',
        pattern: 'custom.swept.*',
        target: { kind: 'webhook', url: receiver.url('/swept') },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const subscriptionId = (made.json() as { id: string }).id;
    const workflowId = await saveWorkflow(
      first,
      aliceId,
      echoWorkflow('on-swept', [{ kind: 'event', event: 'custom.swept.*' }]) as never,
    );
    // Later than the subscription and the workflow: the sweep takes only what existed at the event.
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Stored as the publisher stores it, then the server stops before routing it.
    const eventId = uuidv7();
    await first.database.db.insert(events).values({
      id: eventId,
      type: 'custom.swept.found',
      actorId: aliceId,
      actorVia: 'http',
      data: { n: 1 },
      at: new Date(),
    });
    await first.close();
    expect(receiver.received('/swept')).toHaveLength(0);

    const second = await start();
    app = second;
    await expect.poll(() => receiver.received('/swept').length, patience).toBe(1);
    const [got] = receiver.received('/swept');
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({
      event: { id: eventId, type: 'custom.swept.found' },
    });
    const runId = `event:${workflowId}:${eventId}`;
    await expect
      .poll(
        async () => (await second.workflows.runs.get(restActor(aliceId), runId).catch(() => null))?.status,
        patience,
      )
      .toBe('succeeded');

    // The hourly sweep finds them dispatched: nothing more.
    expect(await second.events.sweepUndispatched()).toBe(0);
    expect(await second.workflows.triggers.sweepEvents()).toBe(0);
    const deliveries = await second.database.db
      .select()
      .from(eventDeliveries)
      .where(eq(eventDeliveries.subscriptionId, subscriptionId));
    expect(deliveries.map((row) => row.status)).toEqual(['delivered']);
    expect(receiver.received('/swept')).toHaveLength(1);
    const runs = await second.database.db
      .select({ id: workflowRuns.id })
      .from(workflowRuns)
      .where(eq(workflowRuns.workflowId, workflowId));
    expect(runs).toEqual([{ id: runId }]);
  });

  it('counts a workflow target’s repeated attempt as delivered when its run is there: one run', async () => {
    const running = app ?? (await start());
    app = running;
    const { id: bobId } = await seedUser(running, { email: 'bob-undispatched@example.com' });
    const bob = as(running, { cookie: await signIn(running, 'bob-undispatched@example.com') });
    const workflowId = await saveWorkflow(running, bobId, echoWorkflow('on-repeat') as never);
    const made = await bob({
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 'repeat',
        pattern: 'custom.repeat',
        target: { kind: 'workflow', workflow_id: workflowId },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const subscriptionId = (made.json() as { id: string }).id;
    const event = (
      await bob({ method: 'POST', url: '/api/v1/events', payload: { type: 'custom.repeat', data: {} } })
    ).json() as { id: string };
    const delivery = async () =>
      (
        await running.database.db
          .select()
          .from(eventDeliveries)
          .where(eq(eventDeliveries.subscriptionId, subscriptionId))
      )[0];
    await expect.poll(async () => (await delivery())?.status, patience).toBe('delivered');

    // As after a crash between the run's start and the attempt's record: the attempt again.
    const first = await delivery();
    await running.database.db
      .update(eventDeliveries)
      .set({ status: 'dead' })
      .where(eq(eventDeliveries.id, first?.id ?? ''));
    const replayed = await bob({ method: 'POST', url: `/api/v1/event-deliveries/${first?.id}/replay` });
    expect(replayed.statusCode, replayed.body).toBe(202);
    await expect.poll(async () => (await delivery())?.status, patience).toBe('delivered');
    const detail = (await bob({ method: 'GET', url: `/api/v1/event-deliveries/${first?.id}` })).json() as {
      attempts: number;
      log: { ok: boolean }[];
    };
    expect(detail.attempts).toBe(2);
    expect(detail.log.map((attempt) => attempt.ok)).toEqual([true, true]);
    const runs = await running.database.db
      .select({ id: workflowRuns.id })
      .from(workflowRuns)
      .where(eq(workflowRuns.workflowId, workflowId));
    expect(runs).toEqual([{ id: `subscription:${subscriptionId}:${event.id}` }]);
  });
});
