import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../src/modules/events/index.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('the event history over HTTP on %s', (kind) => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let aliceId: string;
  const taskIds: string[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    aliceId = (await seedUser(testApp.app, { email: 'alice@example.com' })).id;
    await seedUser(testApp.app, { email: 'bob@example.com' });
    await seedUser(testApp.app, { email: 'admin@example.com', role: 'admin' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
    bob = as(testApp.app, { cookie: await signIn(testApp.app, 'bob@example.com') });
    admin = as(testApp.app, { cookie: await signIn(testApp.app, 'admin@example.com') });
    for (const title of ['one', 'two', 'three']) {
      const response = await alice({ method: 'POST', url: '/api/v1/tasks', payload: { title } });
      taskIds.push(response.json().id);
    }
    await bob({ method: 'POST', url: '/api/v1/tasks', payload: { title: 'Bob’s' } });
  });
  afterAll(() => testApp.close());

  const taskIdOf = (event: WireEvent) => (event.data as { task_id: string }).task_id;

  it('pages through the caller’s own events, newest first, filtered by type', async () => {
    const first = await alice({ method: 'GET', url: '/api/v1/events?type=task.*&limit=2' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map(taskIdOf)).toEqual([taskIds[2], taskIds[1]]);
    expect(first.json().items[0]).toMatchObject({
      type: 'task.created',
      actor: { user_id: aliceId, via: 'http' },
    });
    const rest = await alice({
      method: 'GET',
      url: `/api/v1/events?type=task.*&limit=2&cursor=${first.json().next_cursor}`,
    });
    expect(rest.json().items.map(taskIdOf)).toEqual([taskIds[0]]);
    expect(rest.json().next_cursor).toBeNull();
  });

  it('shows another user none of them, and reads from a time on', async () => {
    const bobs = await bob({ method: 'GET', url: '/api/v1/events?limit=100' });
    expect(bobs.json().items.length).toBeGreaterThan(0);
    for (const event of bobs.json().items as WireEvent[]) expect(event.actor.user_id).not.toBe(aliceId);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await alice({ method: 'GET', url: `/api/v1/events?since=${encodeURIComponent(future)}` });
    expect(none.json().items).toEqual([]);
  });

  it('lets only an admin read everyone’s events', async () => {
    const refused = await bob({ method: 'GET', url: '/api/v1/events?all=true' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ADMIN_ONLY');
    const everyone = await admin({
      method: 'GET',
      url: '/api/v1/events?all=true&type=task.created&limit=100',
    });
    expect(everyone.json().items).toHaveLength(4);
    const own = await admin({ method: 'GET', url: '/api/v1/events?type=task.created' });
    expect(own.json().items).toEqual([]);
  });

  it('refuses a bad pattern, naming the field', async () => {
    const response = await alice({ method: 'GET', url: '/api/v1/events?type=Task!' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'type' });
  });
});
