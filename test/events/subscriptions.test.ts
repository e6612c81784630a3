import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';
import { restActor } from '../helpers/workflows.js';
import { saveWorkflow } from '../workflows/seed-workflow.js';
import { signatureHolds, startReceiver } from './webhook-receiver.js';

/** Deliveries and runs start on the engine; a busy machine may take several seconds. */
const patience = { timeout: 30_000, interval: 100 };

/**
 * Custom events and the subscriptions that route them, on the real engine: a workflow target, and
 * webhooks served by a local receiver (signed; retried with backoff; dead letters replayed).
 * Retries are fast here: 100 ms doubling, for 700 ms of waiting (4 attempts), then a dead letter.
 */
describe.runIf(postgresAvailable)('event subscriptions', { timeout: 120_000 }, () => {
  let testApp: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let alice: { id: string; request: ReturnType<typeof as> };
  let bob: { id: string; request: ReturnType<typeof as> };
  /** The down endpoint fails until a test brings it up. */
  let downIsUp = false;

  beforeAll(async () => {
    receiver = await startReceiver((path, count) => {
      if (path === '/flaky') return count <= 2 ? 500 : 200;
      if (path === '/down') return downIsUp ? 200 : 503;
      return 200;
    });
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: {
        mcpFixtures: 'true',
        fetchAllowedHosts: '127.0.0.1',
        eventHookLocalHttp: 'true',
        eventDeliveryBackoffMs: '100',
        eventDeliveryRetryMs: '700',
      },
    });
    const user = async (email: string) => {
      const { id } = await seedUser(testApp.app, { email });
      return { id, request: as(testApp.app, { cookie: await signIn(testApp.app, email) }) };
    };
    alice = await user('alice-subscriptions@example.com');
    bob = await user('bob-subscriptions@example.com');
  });
  afterAll(async () => {
    await testApp?.close();
    await receiver?.close();
  });

  const publish = (who: typeof alice, type: string, data: object) =>
    who.request({ method: 'POST', url: '/api/v1/events', payload: { type, data } });
  const subscribe = async (who: typeof alice, payload: object) => {
    const response = await who.request({ method: 'POST', url: '/api/v1/event-subscriptions', payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; secret: string | null };
  };
  const deliveriesOf = async (who: typeof alice, subscriptionId: string) =>
    (
      await who.request({ method: 'GET', url: `/api/v1/event-deliveries?subscription_id=${subscriptionId}` })
    ).json().items as { id: string; status: string; attempts: number; event_id: string }[];
  const bodyOf = (one: { body: string } | undefined) =>
    JSON.parse(one?.body ?? 'null') as {
      delivery_id: string;
      event: { id: string; type: string; data: Record<string, unknown> };
    };

  it('publishes custom events only: a custom.* type and a JSON object payload up to 64 KiB', async () => {
    const made = await publish(alice, 'custom.note.taken', { words: 3 });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      type: 'custom.note.taken',
      actor: { user_id: alice.id, via: 'http' },
      data: { words: 3 },
    });
    expect((await publish(alice, 'task.created', {})).statusCode).toBe(400);
    expect((await publish(alice, 'custom.Bad Type', {})).statusCode).toBe(400);
    const big = await publish(alice, 'custom.big', { text: 'x'.repeat(70 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'EVENT_TOO_LARGE', field: 'data' });
    const notObject = await alice.request({
      method: 'POST',
      url: '/api/v1/events',
      payload: { type: 'custom.list', data: [1, 2] },
    });
    expect(notObject.statusCode).toBe(400);
  });

  it('delivers a matching event to a webhook, signed, with the delivery id as idempotency key; never a filtered-out one or another user’s', async () => {
    const { id, secret } = await subscribe(alice, {
      name: 'big orders',
      pattern: 'custom.order.*',
      conditions: [
        { path: 'total', op: 'gt', value: 100 },
        { path: 'region', op: 'in', value: ['eu', 'us'] },
      ],
      target: { kind: 'webhook', url: receiver.url('/orders') },
    });
    expect(secret).toMatch(/^whsec_/);
    const listed = (await alice.request({ method: 'GET', url: `/api/v1/event-subscriptions/${id}` })).json();
    expect(listed).not.toHaveProperty('secret');

    await publish(alice, 'custom.order.paid', { total: 50, region: 'eu' });
    await publish(alice, 'custom.order.paid', { total: 500, region: 'asia' });
    await publish(bob, 'custom.order.paid', { total: 900, region: 'eu' });
    await publish(alice, 'custom.invoice.paid', { total: 900, region: 'eu' });
    const wanted = (await publish(alice, 'custom.order.paid', { total: 150, region: 'eu' })).json();
    await expect.poll(() => receiver.received('/orders').length, patience).toBe(1);
    // A later match: once it arrives, every event published before it was routed.
    await publish(alice, 'custom.order.shipped', { total: 101, region: 'us', tags: ['last'] });
    await expect.poll(() => receiver.received('/orders').length, patience).toBe(2);

    const [first, second] = receiver.received('/orders');
    expect(first && signatureHolds(secret ?? '', first)).toBe(true);
    expect(first && signatureHolds('whsec_wrong', first)).toBe(false);
    const body = bodyOf(first);
    expect(body.event).toMatchObject({ id: wanted.id, type: 'custom.order.paid', data: { total: 150 } });
    expect(first?.headers['idempotency-key']).toBe(body.delivery_id);
    expect(first?.headers['x-switchboard-delivery']).toBe(body.delivery_id);
    expect(bodyOf(second).event.type).toBe('custom.order.shipped');
    const deliveries = await deliveriesOf(alice, id);
    expect(deliveries.map((one) => one.status)).toEqual(['delivered', 'delivered']);
    expect(deliveries.map((one) => one.id).sort()).toEqual(
      [body.delivery_id, bodyOf(second).delivery_id].sort(),
    );
  });

  it('sends a test delivery (custom.test) to the subscription’s target whatever its filter; another user’s is not found', async () => {
    const { id } = await subscribe(alice, {
      name: 'rare',
      pattern: 'custom.never.*',
      target: { kind: 'webhook', url: receiver.url('/tried') },
    });
    const tried = await alice.request({ method: 'POST', url: `/api/v1/event-subscriptions/${id}/test` });
    expect(tried.statusCode, tried.body).toBe(202);
    expect(tried.json()).toMatchObject({ subscription_id: id, event_type: 'custom.test' });
    await expect.poll(() => receiver.received('/tried').length, patience).toBe(1);
    expect(bodyOf(receiver.received('/tried')[0]).event).toMatchObject({
      id: tried.json().event_id,
      type: 'custom.test',
      data: { test: true, subscription_id: id },
    });
    await expect.poll(async () => (await deliveriesOf(alice, id))[0]?.status, patience).toBe('delivered');
    const hidden = await bob.request({ method: 'POST', url: `/api/v1/event-subscriptions/${id}/test` });
    expect(hidden.statusCode).toBe(404);
    expect(receiver.received('/tried')).toHaveLength(1);
  });

  it('filters with a CEL expression over the event as well', async () => {
    await subscribe(alice, {
      name: 'vip',
      pattern: 'custom.*',
      expression: 'event.data.customer.tier == "vip" && "urgent" in event.data.tags',
      target: { kind: 'webhook', url: receiver.url('/vip') },
    });
    await publish(alice, 'custom.ticket.opened', { customer: { tier: 'basic' }, tags: ['urgent'] });
    await publish(alice, 'custom.ticket.opened', { customer: { tier: 'vip' }, tags: [] });
    await publish(alice, 'custom.ticket.opened', { tags: ['urgent'] }); // the expression fails: not sent
    await publish(alice, 'custom.ticket.opened', { customer: { tier: 'vip' }, tags: ['urgent'], n: 1 });
    await expect.poll(() => receiver.received('/vip').length, patience).toBe(1);
    expect(bodyOf(receiver.received('/vip')[0]).event.data).toMatchObject({ n: 1 });
  });

  it('retries a failing receiver with backoff: one that fails twice gets the delivery on the third try, logged', async () => {
    const { id } = await subscribe(alice, {
      name: 'flaky',
      pattern: 'custom.flaky.*',
      target: { kind: 'webhook', url: receiver.url('/flaky') },
    });
    await publish(alice, 'custom.flaky.ping', { n: 1 });
    await expect.poll(async () => (await deliveriesOf(alice, id))[0]?.status, patience).toBe('delivered');
    const calls = receiver.received('/flaky');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.headers['idempotency-key'])).size).toBe(1);
    const [delivery] = await deliveriesOf(alice, id);
    const detail = (
      await alice.request({ method: 'GET', url: `/api/v1/event-deliveries/${delivery?.id}` })
    ).json();
    expect(detail).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(
      detail.log.map((attempt: { status_code: number; ok: boolean }) => [attempt.status_code, attempt.ok]),
    ).toEqual([
      [500, false],
      [500, false],
      [200, true],
    ]);
    for (const attempt of detail.log) expect(attempt.response_ms).toBeGreaterThanOrEqual(0);
  });

  it('ends in the dead letters when the receiver always fails, and a replay delivers it once it is back', async () => {
    const { id } = await subscribe(alice, {
      name: 'down',
      pattern: 'custom.down.*',
      target: { kind: 'webhook', url: receiver.url('/down') },
    });
    await publish(alice, 'custom.down.ping', { n: 1 });
    await expect.poll(async () => (await deliveriesOf(alice, id))[0]?.status, patience).toBe('dead');
    expect(receiver.received('/down')).toHaveLength(4);
    const dead = (await alice.request({ method: 'GET', url: '/api/v1/event-deliveries?status=dead' })).json();
    const letter = dead.items.find((one: { subscription_id: string }) => one.subscription_id === id);
    expect(letter).toMatchObject({ status: 'dead', attempts: 4, event_type: 'custom.down.ping' });

    const early = await alice.request({ method: 'POST', url: '/api/v1/event-deliveries/nope/replay' });
    expect(early.statusCode).toBe(404);
    downIsUp = true;
    const replayed = await alice.request({
      method: 'POST',
      url: `/api/v1/event-deliveries/${letter.id}/replay`,
    });
    expect(replayed.statusCode, replayed.body).toBe(202);
    await expect.poll(async () => (await deliveriesOf(alice, id))[0]?.status, patience).toBe('delivered');
    const calls = receiver.received('/down');
    expect(calls).toHaveLength(5);
    expect(calls.at(-1)?.headers['idempotency-key']).toBe(letter.id);
    const again = await alice.request({
      method: 'POST',
      url: `/api/v1/event-deliveries/${letter.id}/replay`,
    });
    expect(again.statusCode).toBe(409);
  });

  it('starts a run of the subscribed workflow with the event as its input', async () => {
    const workflowId = await saveWorkflow(testApp.app, alice.id, {
      name: 'restock',
      input_schema: { type: 'object', properties: { event: { type: 'object' } } },
      steps: [
        { id: 'say', kind: 'tool', tool: 'echo', input: { message: 'Restock {{ input.event.data.sku }}' } },
      ],
      output: { said: '{{ steps.say.output.message }}' },
    });
    await subscribe(alice, {
      name: 'restock on low stock',
      pattern: 'custom.stock.low',
      conditions: [{ path: 'sku', op: 'exists' }],
      target: { kind: 'workflow', workflow_id: workflowId },
    });
    const event = (await publish(alice, 'custom.stock.low', { sku: 'A-1' })).json();
    const runs = async () =>
      (await testApp.app.workflows.runs.list(restActor(alice.id), { workflow_id: workflowId, limit: 10 }))
        .items;
    await expect.poll(async () => (await runs()).length, patience).toBe(1);
    const [run] = await runs();
    expect(run?.trigger).toMatchObject({ kind: 'event', event_id: event.id, event_type: 'custom.stock.low' });
    expect(
      await testApp.app.workflows.runs.waitForEnd(restActor(alice.id), run?.id ?? '', { timeoutMs: 30_000 }),
    ).toMatchObject({ status: 'succeeded', output: { said: 'Restock A-1' } });
  });

  it('lets a workflow step publish a custom event (publish_event is a tool), which reaches the owner’s webhook', async () => {
    await subscribe(alice, {
      name: 'from workflows',
      pattern: 'custom.from.workflow',
      target: { kind: 'webhook', url: receiver.url('/from-workflow') },
    });
    const workflowId = await saveWorkflow(testApp.app, alice.id, {
      name: 'announcer',
      steps: [
        {
          id: 'announce',
          kind: 'tool',
          tool: 'publish_event',
          input: { type: 'custom.from.workflow', data: { said: 'hello' } },
        },
      ],
    });
    const run = await testApp.app.workflows.runs.start(restActor(alice.id), {
      workflow: workflowId,
      trigger: { kind: 'manual', surface: 'http' },
    });
    expect(
      await testApp.app.workflows.runs.waitForEnd(restActor(alice.id), run.id, { timeoutMs: 30_000 }),
    ).toMatchObject({ status: 'succeeded' });
    await expect.poll(() => receiver.received('/from-workflow').length, patience).toBe(1);
    expect(bodyOf(receiver.received('/from-workflow')[0]).event).toMatchObject({
      actor: { user_id: alice.id, via: 'workflow' },
      data: { said: 'hello' },
    });
  });

  it('hands an event to an agent as its input (one run per delivery), and refuses a plain-http webhook off loopback', async () => {
    const { id } = await subscribe(alice, {
      name: 'notes to the summarizer',
      pattern: 'custom.note.*',
      target: { kind: 'agent', agent_id: 'summarizer' },
    });
    await publish(alice, 'custom.note.added', { text: 'The launch moves to March.' });
    await expect
      .poll(async () => (await deliveriesOf(alice, id)).map((one) => one.status), patience)
      .toEqual(['delivered']);
    const runs = (await alice.request({ method: 'GET', url: '/api/v1/agent-runs?agent=summarizer' })).json()
      .items as { input: string }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]?.input).toContain('custom.note.added');
    expect(runs[0]?.input).toContain('The launch moves to March.');
    const removed = await alice.request({ method: 'DELETE', url: `/api/v1/event-subscriptions/${id}` });
    expect(removed.statusCode).toBe(204);
    const plain = await alice.request({
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 'plain',
        pattern: 'custom.*',
        target: { kind: 'webhook', url: 'http://example.com/hook' },
      },
    });
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', field: 'target.url' });
  });

  describe('isolation', () => {
    it('never delivers your events to another user’s subscription, nor theirs to yours', async () => {
      await subscribe(bob, {
        name: 'bob all custom',
        pattern: 'custom.*',
        target: { kind: 'webhook', url: receiver.url('/bob') },
      });
      await publish(alice, 'custom.secret.plan', { plan: 'alice only' });
      await publish(bob, 'custom.bob.own', { mine: true });
      await expect.poll(() => receiver.received('/bob').length, patience).toBe(1);
      await publish(bob, 'custom.bob.later', { mine: true });
      await expect.poll(() => receiver.received('/bob').length, patience).toBe(2);
      for (const call of receiver.received('/bob'))
        expect(bodyOf(call).event.type.startsWith('custom.bob.')).toBe(true);
    });

    it('hides your subscriptions, deliveries and events from another user (404, never 403)', async () => {
      const { id } = await subscribe(alice, {
        name: 'private',
        pattern: 'custom.private.*',
        target: { kind: 'webhook', url: receiver.url('/private') },
      });
      await publish(alice, 'custom.private.thing', { words: 'alice secret' });
      await expect.poll(async () => (await deliveriesOf(alice, id))[0]?.status, patience).toBe('delivered');
      const [delivery] = await deliveriesOf(alice, id);
      for (const [method, url] of [
        ['GET', `/api/v1/event-subscriptions/${id}`],
        ['PATCH', `/api/v1/event-subscriptions/${id}`],
        ['DELETE', `/api/v1/event-subscriptions/${id}`],
        ['GET', `/api/v1/event-deliveries/${delivery?.id}`],
        ['POST', `/api/v1/event-deliveries/${delivery?.id}/replay`],
      ] as const) {
        const response = await bob.request({
          method,
          url,
          ...(method === 'PATCH' ? { payload: { enabled: false } } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      const bobs = (await bob.request({ method: 'GET', url: '/api/v1/event-subscriptions' })).json().items;
      expect(bobs.map((one: { id: string }) => one.id)).not.toContain(id);
      expect((await deliveriesOf(bob, id)).length).toBe(0);
      const history = (await bob.request({ method: 'GET', url: '/api/v1/events?q=alice%20secret' })).json();
      expect(history.items).toEqual([]);
      const asActor = (
        await bob.request({ method: 'GET', url: `/api/v1/events?actor_id=${alice.id}&type=custom.*` })
      ).json();
      expect(asActor.items).toEqual([]);
      // Another user's workflow is not found as a target either.
      const aliceWorkflow = await saveWorkflow(testApp.app, alice.id, {
        name: 'alice-private',
        steps: [{ id: 'say', kind: 'tool', tool: 'echo', input: { message: 'hi' } }],
      });
      const stolen = await bob.request({
        method: 'POST',
        url: '/api/v1/event-subscriptions',
        payload: { name: 'x', pattern: 'custom.*', target: { kind: 'workflow', workflow_id: aliceWorkflow } },
      });
      expect(stolen.statusCode).toBe(404);
    });
  });

  describe('history and analytics', () => {
    it('searches the history by type, time and payload text', async () => {
      const since = new Date().toISOString();
      await publish(alice, 'custom.search.one', { note: 'the Quick brown fox' });
      await publish(alice, 'custom.search.two', { note: 'a lazy dog' });
      const found = (
        await alice.request({
          method: 'GET',
          url: `/api/v1/events?type=custom.search.*&q=quick&since=${encodeURIComponent(since)}`,
        })
      ).json();
      expect(found.items.map((event: { type: string }) => event.type)).toEqual(['custom.search.one']);
      const until = (
        await alice.request({
          method: 'GET',
          url: `/api/v1/events?type=custom.search.*&until=${encodeURIComponent(since)}`,
        })
      ).json();
      expect(until.items).toEqual([]);
      const wildcard = (await alice.request({ method: 'GET', url: '/api/v1/events?q=100%25' })).json();
      expect(wildcard.items).toEqual([]);
    });

    it('counts events per type per hour, and the deliveries’ success rate and latency', async () => {
      const stats = await alice.request({ method: 'GET', url: '/api/v1/events/stats?bucket=hour' });
      expect(stats.statusCode, stats.body).toBe(200);
      const body = stats.json();
      const paid = body.counts.filter((row: { type: string }) => row.type === 'custom.order.paid');
      expect(paid.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(3);
      expect(body.deliveries.delivered).toBeGreaterThanOrEqual(5);
      expect(body.deliveries.success_rate).toBe(1);
      expect(body.deliveries.attempt_success_rate).toBeLessThan(1);
      expect(body.deliveries.avg_response_ms).toBeGreaterThanOrEqual(0);
      const bobStats = (await bob.request({ method: 'GET', url: '/api/v1/events/stats?bucket=day' })).json();
      expect(
        bobStats.counts.find((row: { type: string }) => row.type === 'custom.secret.plan'),
      ).toBeUndefined();
      expect(bobStats.deliveries.delivered).toBe(2);
    });

    it('shows an admin every user’s volumes, counts only, and nobody else', async () => {
      await seedUser(testApp.app, { email: 'admin-subscriptions@example.com', role: 'admin' });
      const admin = as(testApp.app, { cookie: await signIn(testApp.app, 'admin-subscriptions@example.com') });
      const volumes = await admin({ method: 'GET', url: '/api/v1/admin/event-volumes?bucket=day' });
      expect(volumes.statusCode, volumes.body).toBe(200);
      const items = volumes.json().items as { user_id: string; type: string; count: number }[];
      expect(items.find((row) => row.user_id === alice.id && row.type === 'custom.order.paid')?.count).toBe(
        3,
      );
      expect(items.some((row) => row.user_id === bob.id)).toBe(true);
      expect(JSON.stringify(items)).not.toContain('alice secret');
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(['bucket', 'count', 'type', 'user_id']);
      expect((await alice.request({ method: 'GET', url: '/api/v1/admin/event-volumes' })).statusCode).toBe(
        403,
      );
    });
  });
});
