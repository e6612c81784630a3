import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** Shared context over REST, against the real server and Postgres: races, merges, history, roles. */
describe('shared context entries', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let carol: ReturnType<typeof as>;
  let bobId: string;
  let carolId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const { app } = testApp;
    await seedUser(app, { email: 'alice@example.com' });
    bobId = (await seedUser(app, { email: 'bob@example.com' })).id;
    carolId = (await seedUser(app, { email: 'carol@example.com' })).id;
    alice = as(app, { cookie: await signIn(app, 'alice@example.com') });
    bob = as(app, { cookie: await signIn(app, 'bob@example.com') });
    carol = as(app, { cookie: await signIn(app, 'carol@example.com') });
  });
  afterAll(() => testApp?.close());

  async function newSpace(name = 'research'): Promise<string> {
    const response = await alice({ method: 'POST', url: '/api/v1/context/spaces', payload: { name } });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }
  const entryUrl = (space: string, key: string) =>
    `/api/v1/context/spaces/${space}/entries/${encodeURIComponent(key)}`;

  it('lets one of two writers racing from the same version win; the other gets 409 with the current value', async () => {
    const space = await newSpace();
    const url = entryUrl(space, 'findings/market');
    const first = await alice({ method: 'PUT', url, payload: { value: { size: 1 }, if_version: 0 } });
    expect(first.json()).toMatchObject({ version: 1, value: { size: 1 }, deleted: false });

    const [one, two] = await Promise.all([
      alice({ method: 'PUT', url, payload: { value: { size: 2, by: 'one' }, if_version: 1 } }),
      alice({ method: 'PUT', url, payload: { value: { size: 3, by: 'two' }, if_version: 1 } }),
    ]);
    const statuses = [one.statusCode, two.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = one.statusCode === 200 ? one : two;
    const loser = one.statusCode === 200 ? two : one;
    expect(winner.json().version).toBe(2);
    expect(loser.json().error).toMatchObject({
      code: 'CONTEXT_CONFLICT',
      current: { key: 'findings/market', version: 2, value: winner.json().value },
    });
    expect((await alice({ method: 'GET', url })).json().value).toEqual(winner.json().value);
  });

  it('lets only one of two writers create a new key with if_version 0', async () => {
    const space = await newSpace();
    const url = entryUrl(space, 'plan');
    const answers = await Promise.all(
      ['a', 'b'].map((who) => alice({ method: 'PUT', url, payload: { value: { who }, if_version: 0 } })),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.statusCode === 409);
    expect(loser?.json().error.current.version).toBe(1);
  });

  it('merges two writers’ patches of different fields made from the same version', async () => {
    const space = await newSpace();
    const url = entryUrl(space, 'plan');
    await alice({ method: 'PUT', url, payload: { value: { goal: 'ship', owner: 'ann', steps: { a: 1 } } } });
    const mine = await alice({
      method: 'PATCH',
      url,
      payload: { patch: { owner: 'bea', steps: { b: 2 } }, if_version: 1 },
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await alice({
      method: 'PATCH',
      url,
      payload: { patch: { goal: 'ship it', steps: { a: null } }, if_version: 1 },
    });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({
      version: 3,
      value: { goal: 'ship it', owner: 'bea', steps: { b: 2 } },
    });
  });

  it('reports each field two writers changed differently', async () => {
    const space = await newSpace();
    const url = entryUrl(space, 'plan');
    await alice({ method: 'PUT', url, payload: { value: { goal: 'ship', budget: { eur: 10 }, note: 'x' } } });
    await alice({
      method: 'PATCH',
      url,
      payload: { patch: { goal: 'wait', budget: { eur: 20 }, note: 'y' }, if_version: 1 },
    });
    const conflicting = await alice({
      method: 'PATCH',
      url,
      payload: { patch: { goal: 'launch', budget: { eur: 20 }, extra: true }, if_version: 1 },
    });
    expect(conflicting.statusCode).toBe(409);
    const { error } = conflicting.json();
    expect(error.code).toBe('CONTEXT_CONFLICT');
    // budget.eur was changed by both to the same value: not a conflict.
    expect(error.conflicts).toEqual([{ path: '/goal', yours: 'launch', theirs: 'wait' }]);
    expect(error.current).toMatchObject({ version: 2, value: { goal: 'wait' } });
    expect((await alice({ method: 'GET', url })).json().version).toBe(2);
  });

  it('keeps every version with who, when and a diff, and restores an old one as a new version', async () => {
    const space = await newSpace();
    const url = entryUrl(space, 'notes/summary');
    await alice({ method: 'PUT', url, payload: { value: { text: 'first', tags: ['a'] } } });
    await alice({ method: 'PATCH', url, payload: { patch: { text: 'second' } } });
    await alice({ method: 'DELETE', url });
    expect((await alice({ method: 'GET', url })).statusCode).toBe(404);

    const history = (await alice({ method: 'GET', url: `${url}/history` })).json();
    expect(
      history.items.map((item: { version: number; change: string }) => [item.version, item.change]),
    ).toEqual([
      [3, 'delete'],
      [2, 'patch'],
      [1, 'set'],
    ]);
    const [deleted, patched, first] = history.items;
    expect(patched.diff).toEqual([{ op: 'replace', path: '/text', value: 'second' }]);
    expect(first.diff).toEqual([{ op: 'add', path: '', value: { text: 'first', tags: ['a'] } }]);
    expect(deleted).toMatchObject({ deleted: true, value: null, diff: [{ op: 'remove', path: '' }] });
    expect(first.author_id).toBe(patched.author_id);
    expect(Date.parse(first.created_at)).not.toBeNaN();

    const restored = await alice({ method: 'POST', url: `${url}/restore`, payload: { version: 1 } });
    expect(restored.json()).toMatchObject({
      version: 4,
      value: { text: 'first', tags: ['a'] },
      deleted: false,
    });
    const after = (await alice({ method: 'GET', url: `${url}/history?limit=1` })).json();
    expect(after.items[0]).toMatchObject({ version: 4, change: 'restore' });
    expect(after.next_before_version).toBe(4);
  });

  it('gives each member what their role allows and hides the space from everyone else', async () => {
    const space = await newSpace('team notes');
    const url = entryUrl(space, 'plan');
    await alice({ method: 'PUT', url, payload: { value: { step: 1 } } });
    const added = await alice({
      method: 'POST',
      url: `/api/v1/context/spaces/${space}/members`,
      payload: { email: 'bob@example.com', role: 'read' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ member_kind: 'user', member_id: bobId, role: 'read' });

    // A reader reads, and is refused writes.
    expect((await bob({ method: 'GET', url })).json().value).toEqual({ step: 1 });
    const refused = await bob({ method: 'PUT', url, payload: { value: { step: 2 } } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CONTEXT_FORBIDDEN');
    expect((await bob({ method: 'POST', url: `${url}/restore`, payload: { version: 1 } })).statusCode).toBe(
      403,
    );

    // A writer writes, but may not manage members.
    await alice({
      method: 'PATCH',
      url: `/api/v1/context/spaces/${space}/members/${bobId}`,
      payload: { role: 'write' },
    });
    expect((await bob({ method: 'PUT', url, payload: { value: { step: 2 } } })).statusCode).toBe(200);
    const managing = await bob({
      method: 'POST',
      url: `/api/v1/context/spaces/${space}/members`,
      payload: { user_id: carolId, role: 'read' },
    });
    expect(managing.statusCode).toBe(403);

    // A non-member is told the space does not exist, whatever they try.
    for (const request of [
      { method: 'GET' as const, url: `/api/v1/context/spaces/${space}` },
      { method: 'GET' as const, url },
      { method: 'PUT' as const, url, payload: { value: 1 } },
      { method: 'GET' as const, url: `${url}/history` },
    ]) {
      const answer = await carol(request);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe('CONTEXT_SPACE_NOT_FOUND');
    }
    expect((await carol({ method: 'GET', url: '/api/v1/context/spaces' })).json().items).toEqual([]);

    // An admin member manages members; the space shows in each member's list with their role.
    await alice({
      method: 'PATCH',
      url: `/api/v1/context/spaces/${space}/members/${bobId}`,
      payload: { role: 'admin' },
    });
    const byAdmin = await bob({
      method: 'POST',
      url: `/api/v1/context/spaces/${space}/members`,
      payload: { user_id: carolId, role: 'read' },
    });
    expect(byAdmin.statusCode).toBe(201);
    const carolsSpaces = (await carol({ method: 'GET', url: '/api/v1/context/spaces' })).json().items;
    expect(carolsSpaces).toEqual([expect.objectContaining({ id: space, role: 'read' })]);
    // Only the owner deletes the space.
    expect((await bob({ method: 'DELETE', url: `/api/v1/context/spaces/${space}` })).statusCode).toBe(403);
    // Carol leaves; she no longer sees it.
    expect(
      (await carol({ method: 'DELETE', url: `/api/v1/context/spaces/${space}/members/${carolId}` }))
        .statusCode,
    ).toBe(204);
    expect((await carol({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('announces every change to the owner and the members, live', async () => {
    const space = await newSpace('watched');
    await alice({
      method: 'POST',
      url: `/api/v1/context/spaces/${space}/members`,
      payload: { user_id: bobId, role: 'write' },
    });
    const seen: AnyBusEvent[] = [];
    const bobsFeed: string[] = [];
    const bobActor = {
      type: 'user',
      userId: bobId,
      role: 'user',
      scopes: ['api:read'],
      via: 'http',
      credential: { kind: 'cli' },
    } as const;
    const unsubscribe = testApp.app.bus.subscribe('context.*', (event) => void seen.push(event));
    const stopFeed = testApp.app.events.feed.follow(
      bobActor,
      { types: 'context.entry.changed' },
      {
        onEvent: (event) =>
          void bobsFeed.push(
            `${(event.data as { key: string }).key}@${(event.data as { version: number }).version}`,
          ),
        onRevoked: () => {},
      },
    );
    try {
      const url = entryUrl(space, 'status');
      await alice({ method: 'PUT', url, payload: { value: 'drafting' } });
      await alice({ method: 'PATCH', url: entryUrl(space, 'board'), payload: { patch: { todo: 3 } } });
      await alice({ method: 'DELETE', url });
      const changes = seen.filter((event) => event.type === 'context.entry.changed');
      expect(changes.map((event) => event.data)).toEqual([
        expect.objectContaining({
          space_id: space,
          key: 'status',
          version: 1,
          change: 'set',
          deleted: false,
        }),
        expect.objectContaining({ key: 'board', version: 1, change: 'patch' }),
        expect.objectContaining({ key: 'status', version: 2, change: 'delete', deleted: true }),
      ]);
      expect(changes[0]?.data).toMatchObject({ audience: expect.arrayContaining([bobId]) });
      // Bob did none of it, and sees it all as it happens.
      expect(bobsFeed).toEqual(['status@1', 'board@1', 'status@2']);
    } finally {
      unsubscribe();
      stopFeed();
    }
  });

  it('refuses keys that are not paths, values that are null, and answers an unknown entry 404', async () => {
    const space = await newSpace();
    for (const key of ['../x', 'a//b', '/lead', 'trail/', 'sp ace']) {
      const answer = await alice({ method: 'PUT', url: entryUrl(space, key), payload: { value: 1 } });
      expect(answer.statusCode, key).toBe(400);
    }
    expect(
      (await alice({ method: 'PUT', url: entryUrl(space, 'k'), payload: { value: null } })).statusCode,
    ).toBe(400);
    const missing = await alice({ method: 'GET', url: entryUrl(space, 'nothing/here') });
    expect(missing.json().error.code).toBe('CONTEXT_ENTRY_NOT_FOUND');
  });
});
