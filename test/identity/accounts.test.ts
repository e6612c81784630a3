import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/modules/identity/table.js';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('accounts, sessions and API keys on %s', (kind) => {
  let testApp: TestApp;
  let adminCookie: string;
  const app = () => testApp.app;
  const admin = () => as(app(), { cookie: adminCookie });

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    await seedUser(app(), { email: 'root@example.com', role: 'admin' });
    adminCookie = await signIn(app(), 'root@example.com');
  });
  afterAll(() => testApp.close());

  it('lists your sessions, marks the current one, and ends one at once', async () => {
    const user = await seedUser(app(), { email: 'sam@example.com' });
    const laptop = await signIn(app(), 'sam@example.com');
    const phone = await signIn(app(), 'sam@example.com');
    const listed = await as(app(), { cookie: laptop })({ method: 'GET', url: '/api/v1/me/sessions' });
    const sessions = listed.json().items as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const phoneSession = sessions.find((session) => !session.current);

    const revoked = await as(app(), { cookie: laptop })({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSession?.id}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await as(app(), { cookie: phone })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await as(app(), { cookie: laptop })({ method: 'GET', url: '/api/v1/me' })).json().id).toBe(
      user.id,
    );
  });

  it('shows an API key once, stores only its hash, and refuses it once revoked', async () => {
    await seedUser(app(), { email: 'kim@example.com' });
    const cookie = await signIn(app(), 'kim@example.com');
    const { api_key: apiKey, key } = await createApiKey(app(), cookie);
    expect(key).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);

    const listed = await as(app(), { cookie })({ method: 'GET', url: '/api/v1/me/api-keys' });
    expect(listed.body).not.toContain(key);
    expect(listed.json().items[0]).toMatchObject({
      id: apiKey.id,
      prefix: key.slice(0, 10),
      revoked_at: null,
    });

    const me = await as(app(), { key })({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    const used = (await as(app(), { cookie })({ method: 'GET', url: '/api/v1/me/api-keys' })).json().items[0];
    expect(used.last_used_at).not.toBeNull();

    expect(
      (await as(app(), { cookie })({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}` })).statusCode,
    ).toBe(204);
    const refused = await as(app(), { key })({ method: 'GET', url: '/api/v1/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_API_KEY');
  });

  it('limits a key to its scopes, and a user to granting scopes they have', async () => {
    await seedUser(app(), { email: 'lee@example.com' });
    const cookie = await signIn(app(), 'lee@example.com');
    const { key } = await createApiKey(app(), cookie, ['mcp']);
    const read = await as(app(), { key })({ method: 'GET', url: '/api/v1/me' });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('MISSING_SCOPE');

    const { key: reader } = await createApiKey(app(), cookie, ['api:read']);
    const write = await as(app(), { key: reader })({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'Lee' },
    });
    expect(write.statusCode).toBe(403);

    const escalate = await as(app(), { cookie })({
      method: 'POST',
      url: '/api/v1/me/api-keys',
      payload: { name: 'root', scopes: ['admin'] },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.code).toBe('SCOPE_NOT_ALLOWED');
  });

  it('refuses an expired key', async () => {
    await seedUser(app(), { email: 'exp@example.com' });
    const cookie = await signIn(app(), 'exp@example.com');
    const { key, api_key: apiKey } = await createApiKey(app(), cookie);
    await app()
      .database.db.update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, apiKey.id));
    expect((await as(app(), { key })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('ends a deactivated user’s sessions and keys at once, refuses their sign-in, and lets them back when reactivated', async () => {
    const user = await seedUser(app(), { email: 'gone@example.com' });
    const cookie = await signIn(app(), 'gone@example.com');
    const { key } = await createApiKey(app(), cookie);
    // Used twice first, so it is remembered and its second request took the remembered-key path.
    for (const _ of [1, 2])
      expect((await as(app(), { key })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    const deactivated = await admin()({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      payload: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().active).toBe(false);
    expect((await as(app(), { cookie })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await as(app(), { key })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const signInAgain = await app().http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: 'gone@example.com', password: 'correct horse battery' },
    });
    expect(signInAgain.statusCode).toBe(403);
    expect(signInAgain.json().error.code).toBe('ACCOUNT_DEACTIVATED');

    await admin()({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, payload: { active: true } });
    expect((await as(app(), { key })({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    await signIn(app(), 'gone@example.com');
  });

  it('keeps admin routes for admins, and never removes the last admin', async () => {
    const user = await seedUser(app(), { email: 'plain@example.com' });
    const cookie = await signIn(app(), 'plain@example.com');
    const forbidden = await as(app(), { cookie })({ method: 'GET', url: '/api/v1/admin/users' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('ADMIN_ONLY');
    expect((await app().http.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);

    const root = (await admin()({ method: 'GET', url: '/api/v1/me' })).json();
    const demote = await admin()({
      method: 'PATCH',
      url: `/api/v1/admin/users/${root.id}`,
      payload: { role: 'user' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');

    const promoted = await admin()({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      payload: { role: 'admin' },
    });
    expect(promoted.json().role).toBe('admin');
    const promotedCookie = await signIn(app(), 'plain@example.com');
    expect(
      (await as(app(), { cookie: promotedCookie })({ method: 'GET', url: '/api/v1/admin/users' })).statusCode,
    ).toBe(200);
    expect(
      (await admin()({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, payload: { role: 'user' } }))
        .statusCode,
    ).toBe(200);
  });

  it('lets admins create and list accounts a page at a time', async () => {
    const created = await admin()({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'made@example.com', password: 'a long enough password', name: 'Made' },
    });
    expect(created.statusCode).toBe(201);
    const first = (await admin()({ method: 'GET', url: '/api/v1/admin/users?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await admin()({ method: 'GET', url: `/api/v1/admin/users?limit=2&cursor=${first.next_cursor}` })
    ).json();
    expect(second.items[0].id > first.items[1].id).toBe(true);
    const unknown = await admin()({ method: 'GET', url: '/api/v1/admin/users/nope' });
    expect(unknown.statusCode).toBe(404);
  });
});
