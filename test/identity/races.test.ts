import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/actor.js';
import { as, seedUser, signIn, testPassword } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('concurrent requests on %s', (kind) => {
  let testApp: TestApp;
  afterEach(() => testApp.close());

  it('keeps at least one admin when every admin is demoted at once', async () => {
    testApp = await buildTestApp(kind);
    const app = testApp.app;
    const admins = await Promise.all(
      [1, 2, 3, 4].map((n) => seedUser(app, { email: `admin${n}@example.com`, role: 'admin' })),
    );
    const cookie = await signIn(app, 'admin1@example.com');
    const results = await Promise.all(
      admins.map((admin) =>
        as(app, { cookie })({
          method: 'PATCH',
          url: `/api/v1/admin/users/${admin.id}`,
          payload: { role: 'user' },
        }),
      ),
    );
    expect(results.filter((response) => response.statusCode === 409)).toHaveLength(1);
    const page = await app.identity.users.list(systemActor, { limit: 100 });
    expect(page.items.filter((user) => user.role === 'admin')).toHaveLength(1);
    expect(await app.identity.users.needsSetup()).toBe(false);
  });

  it('creates exactly one first admin when setup is submitted several times at once', async () => {
    testApp = await buildTestApp(kind);
    const app = testApp.app;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        app.http.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { email: `first${n}@example.com`, password: testPassword, name: `First ${n}` },
        }),
      ),
    );
    expect(results.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });

  it('holds the sign-in limits against parallel guesses', async () => {
    testApp = await buildTestApp(kind, { settings: { signInMaxFailures: '3', signInMaxPerIp: '1000' } });
    const app = testApp.app;
    await seedUser(app, { email: 'target@example.com' });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        app.http.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in/email',
          payload: { email: 'target@example.com', password: `guess-${n}-wrong` },
        }),
      ),
    );
    expect(results.filter((response) => response.statusCode === 401)).toHaveLength(3);
    expect(results.filter((response) => response.statusCode === 429)).toHaveLength(9);
  });
});
