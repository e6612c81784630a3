import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { closeWaitsOf } from '../../src/modules/workflows/service/event-waits.js';
import { workflowEventWaits, workflowRuns } from '../../src/modules/workflows/table.js';
import '../helpers/test-events.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertRun } from './seed-rows.js';
import { parseStep, registerStepHarness } from './step-harness.js';

describe('wait_event steps', () => {
  const harness = registerStepHarness();
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    harness.useApp(testApp.app);
    const seeded = await Promise.all(
      ['alice', 'bob'].map((name) => seedUser(testApp.app, { email: `${name}@example.com` })),
    );
    [alice, bob] = seeded.map((user) => actingAs({ userId: user.id, role: 'user', via: 'http' })) as [
      UserActor,
      UserActor,
    ];
  });
  afterAll(() => testApp?.close());

  /** Starts a wait_event step and resolves once its wait row exists (events before it are not seen). */
  const startWaiting = async (owner: UserActor, step: Record<string, unknown>) => {
    const run = await insertRun(testApp.app, owner);
    const handle = await DBOS.startWorkflow(harness.waitEvent)(
      run,
      'wait',
      parseStep({ id: 'wait', ...step }),
    );
    await vi.waitFor(
      async () => {
        const [row] = await testApp.app.database.db
          .select()
          .from(workflowEventWaits)
          .where(eq(workflowEventWaits.runId, run.id));
        if (!row) throw new Error('not waiting yet');
      },
      { timeout: 20_000, interval: 50 },
    );
    return { run, handle };
  };
  const waitRow = async (runId: string) =>
    (
      await testApp.app.database.db
        .select()
        .from(workflowEventWaits)
        .where(eq(workflowEventWaits.runId, runId))
    )[0];

  it('is matched by an event of its owner whose type and filter match, never by another user’s', async () => {
    const { run, handle } = await startWaiting(alice, {
      kind: 'wait_event',
      event: 'test.*',
      filter: 'event.data.n > 2',
    });
    const bus = testApp.app.bus;
    await bus.publish(bob, 'test.ping', { n: 100 }); // another user's: never seen
    await bus.publish(alice, 'test.ping', { n: 1 }); // the filter does not hold
    const matching = await bus.publish(alice, 'test.pong', { n: 3 });
    await bus.publish(alice, 'test.ping', { n: 4 }); // after the match: the wait is closed

    expect(await handle.getResult()).toEqual({
      id: matching.id,
      type: 'test.pong',
      at: matching.at.toISOString(),
      data: { n: 3 },
    });
    expect((await waitRow(run.id))?.matchedEvent).toMatchObject({ id: matching.id });
  });

  it('is not matched by another user’s event, however well it fits', async () => {
    const { run, handle } = await startWaiting(alice, {
      kind: 'wait_event',
      event: 'test.ping',
      timeout_ms: 1_500,
    });
    await testApp.app.bus.publish(bob, 'test.ping', { n: 1 });
    await expect(handle.getResult()).rejects.toMatchObject({ code: 'EVENT_WAIT_TIMEOUT' });
    expect((await waitRow(run.id))?.matchedEvent).toBeNull();
  });

  it('times out with EVENT_WAIT_TIMEOUT when nothing matches', async () => {
    const { run, handle } = await startWaiting(bob, {
      kind: 'wait_event',
      event: 'test.ping',
      timeout_ms: 500,
    });
    await testApp.app.bus.publish(bob, 'test.pong', { n: 1 });
    await expect(handle.getResult()).rejects.toMatchObject({ code: 'EVENT_WAIT_TIMEOUT' });
    expect((await waitRow(run.id))?.matchedEvent).toBeNull();
  });

  it('gives one event to each run that waits for it, and to each only once', async () => {
    const first = await startWaiting(alice, { kind: 'wait_event', event: 'test.deep.*' });
    const second = await startWaiting(alice, { kind: 'wait_event', event: 'test.deep.nested' });
    const event = await testApp.app.bus.publish(alice, 'test.deep.nested', { n: 7 });
    expect(await first.handle.getResult()).toMatchObject({ id: event.id });
    expect(await second.handle.getResult()).toMatchObject({ id: event.id });
  });
  it('takes, of the events delivered together, the first that matches, each wait its own', async () => {
    const early = await startWaiting(alice, {
      kind: 'wait_event',
      event: 'test.ping',
      filter: 'event.data.n > 2',
    });
    const late = await startWaiting(alice, {
      kind: 'wait_event',
      event: 'test.ping',
      filter: 'event.data.n > 6',
    });
    // One batch of the bus: stored together, then delivered one after another in this order.
    const bus = testApp.app.bus;
    for (const n of [1, 5, 7, 9]) bus.publishSoon(alice, 'test.ping', { n });
    expect(await early.handle.getResult()).toMatchObject({ type: 'test.ping', data: { n: 5 } });
    expect(await late.handle.getResult()).toMatchObject({ type: 'test.ping', data: { n: 7 } });
  });

  it('is not matched once its run is cancelled or its waits are closed, while a live run still is', async () => {
    const cancelled = await startWaiting(alice, { kind: 'wait_event', event: 'test.pong' });
    const closed = await startWaiting(alice, { kind: 'wait_event', event: 'test.pong' });
    const live = await startWaiting(alice, { kind: 'wait_event', event: 'test.pong' });
    const { db } = testApp.app.database;
    // The cancel path's row change, as the runs part writes it; the wait itself is left open.
    await db.update(workflowRuns).set({ status: 'cancelled' }).where(eq(workflowRuns.id, cancelled.run.id));
    expect(await closeWaitsOf(db, closed.run.id)).toBe(1);
    expect(await closeWaitsOf(db, closed.run.id)).toBe(0);

    // One event fitting all three: the matcher reads the waits oldest first, so by the time the
    // live one is claimed the other two have been passed over.
    const event = await testApp.app.bus.publish(alice, 'test.pong', { n: 1 });
    expect(await live.handle.getResult()).toMatchObject({ id: event.id });
    expect((await waitRow(cancelled.run.id))?.matchedEvent).toBeNull();
    expect((await waitRow(closed.run.id))?.matchedEvent).toBeNull();
    await Promise.all([cancelled, closed].map(({ handle }) => DBOS.cancelWorkflow(handle.workflowID)));
  });
});
