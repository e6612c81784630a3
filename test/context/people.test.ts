import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** GET …/spaces/{id}/people: the names behind a space's ids, and only those of its people. */
describe('the people of a context space', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let carol: ReturnType<typeof as>;
  let ids: Record<'alice' | 'bob' | 'carol' | 'dan', string>;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const { app } = testApp;
    ids = {
      alice: (await seedUser(app, { email: 'alice@example.com', name: 'Alice Owner' })).id,
      bob: (await seedUser(app, { email: 'bob@example.com', name: 'Bob Writer' })).id,
      carol: (await seedUser(app, { email: 'carol@example.com', name: 'Carol Reader' })).id,
      dan: (await seedUser(app, { email: 'dan@example.com', name: 'Dan Stranger' })).id,
    };
    alice = as(app, { cookie: await signIn(app, 'alice@example.com') });
    bob = as(app, { cookie: await signIn(app, 'bob@example.com') });
    carol = as(app, { cookie: await signIn(app, 'carol@example.com') });
  });
  afterAll(() => testApp?.close());

  it('names the owner, the members and a former member who wrote, and nobody else', async () => {
    const space = (
      await alice({ method: 'POST', url: '/api/v1/context/spaces', payload: { name: 'plans' } })
    ).json().id as string;
    const members = `/api/v1/context/spaces/${space}/members`;
    await alice({ method: 'POST', url: members, payload: { email: 'bob@example.com', role: 'write' } });
    await alice({ method: 'POST', url: members, payload: { email: 'carol@example.com', role: 'read' } });
    const written = await bob({
      method: 'PUT',
      url: `/api/v1/context/spaces/${space}/entries/notes`,
      payload: { value: { by: 'bob' } },
    });
    expect(written.statusCode).toBe(200);
    // Bob leaves; what he wrote stays, and so does his name beside it.
    expect((await alice({ method: 'DELETE', url: `${members}/${ids.bob}` })).statusCode).toBe(204);

    const people = await carol({ method: 'GET', url: `/api/v1/context/spaces/${space}/people` });
    expect(people.statusCode).toBe(200);
    expect(people.json().items).toEqual([
      { user_id: ids.alice, name: 'Alice Owner', email: 'alice@example.com', role: 'owner' },
      { user_id: ids.bob, name: 'Bob Writer', email: 'bob@example.com', role: null },
      { user_id: ids.carol, name: 'Carol Reader', email: 'carol@example.com', role: 'read' },
    ]);
    expect(JSON.stringify(people.json())).not.toContain(ids.dan);
  });

  it('does not tell someone outside the space who is in it', async () => {
    const space = (
      await alice({ method: 'POST', url: '/api/v1/context/spaces', payload: { name: 'private' } })
    ).json().id as string;
    const answer = await bob({ method: 'GET', url: `/api/v1/context/spaces/${space}/people` });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.code).toBe('CONTEXT_SPACE_NOT_FOUND');
    expect(answer.body).not.toContain('Alice');
  });
});
