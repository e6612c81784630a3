import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn, testPassword } from '../helpers/identity.js';
import type { AuditEntry } from '../../src/modules/identity/schema.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

type Entry = AuditEntry;

describe('the audit log', () => {
  let testApp: TestApp;
  let adminCookie: string;
  let userId: string;
  const admin = () => as(testApp.app, { cookie: adminCookie });
  const entries = async (query = '') =>
    (await admin()({ method: 'GET', url: `/api/v1/admin/audit?limit=100${query}` })).json().items as Entry[];

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    const app = testApp.app;
    await seedUser(app, { email: 'root@example.com', role: 'admin' });
    adminCookie = await signIn(app, 'root@example.com');
    userId = (await seedUser(app, { email: 'eve@example.com' })).id;

    await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: 'eve@example.com', password: 'not the password' },
      headers: { 'user-agent': 'audit-test-agent' },
    });
    const cookie = await signIn(app, 'eve@example.com');
    const { api_key: apiKey, key } = await createApiKey(app, cookie);
    await as(app, { cookie })({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}` });
    await as(app, { key })({ method: 'GET', url: '/api/v1/me' });
    await signIn(app, 'eve@example.com'); // a second session, to revoke
    const sessions = (await as(app, { cookie })({ method: 'GET', url: '/api/v1/me/sessions' })).json().items;
    const other = sessions.find((session: { current: boolean }) => !session.current);
    await as(app, { cookie })({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}` });
    await as(app, { cookie })({ method: 'POST', url: '/api/v1/auth/sign-out' });
    await admin()({ method: 'PATCH', url: `/api/v1/admin/users/${userId}`, payload: { role: 'admin' } });
    await admin()({ method: 'PATCH', url: `/api/v1/admin/users/${userId}`, payload: { active: false } });
  });
  afterAll(() => testApp.close());

  it('records every audited action with who, what, outcome and where from', async () => {
    const log = await entries();
    const find = (action: string, status: string) =>
      log.find((entry) => entry.action === action && entry.status === status);

    expect(find('sign_in', 'failure')).toMatchObject({
      actor_id: userId,
      reason: 'wrong_password',
      ip: '127.0.0.1',
      user_agent: 'audit-test-agent',
    });
    expect(find('sign_in', 'success')).toMatchObject({ actor_id: userId, surface: 'http' });
    expect(find('api_key.create', 'success')).toMatchObject({ actor_id: userId });
    expect(find('api_key.revoke', 'success')).toMatchObject({ actor_id: userId });
    expect(find('api_key.use_denied', 'denied')).toMatchObject({ actor_id: userId, reason: 'revoked' });
    expect(find('session.revoke', 'success')).toMatchObject({ actor_id: userId });
    expect(find('sign_out', 'success')).toMatchObject({ actor_id: userId });
    expect(find('user.create', 'success')).toMatchObject({ subject: userId });
    const updates = log.filter((entry) => entry.action === 'user.update' && entry.subject === userId);
    expect(updates).toHaveLength(2);
  });

  it('filters by user, action and time, newest first, a page at a time', async () => {
    const byUser = await entries(`&user_id=${userId}`);
    expect(byUser.length).toBeGreaterThan(3);
    expect(byUser.every((entry) => entry.actor_id === userId)).toBe(true);
    const signIns = await entries('&action=sign_in');
    expect(signIns.every((entry) => entry.action === 'sign_in')).toBe(true);
    expect(await entries(`&since=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);

    const all = await entries();
    const pageOne = (await admin()({ method: 'GET', url: '/api/v1/admin/audit?limit=3' })).json();
    const pageTwo = (
      await admin()({ method: 'GET', url: `/api/v1/admin/audit?limit=3&cursor=${pageOne.next_cursor}` })
    ).json();
    expect([...pageOne.items, ...pageTwo.items].map((entry: { action: string }) => entry.action)).toEqual(
      all.slice(0, 6).map((entry) => entry.action),
    );
  });

  it('is for admins only', async () => {
    await seedUser(testApp.app, { email: 'nosy@example.com' });
    const cookie = await signIn(testApp.app, 'nosy@example.com');
    expect(
      (await as(testApp.app, { cookie })({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode,
    ).toBe(403);
  });

  it('rejects a bad filter with the field named', async () => {
    const response = await admin()({ method: 'GET', url: '/api/v1/admin/audit?since=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('since');
  });
});

describe('password changes', () => {
  let testApp: TestApp;
  afterAll(() => testApp.close());

  it('are audited whether they work or not, and the new password signs in', async () => {
    testApp = await buildTestApp('embedded');
    const app = testApp.app;
    await seedUser(app, { email: 'root@example.com', role: 'admin' });
    const user = await seedUser(app, { email: 'pat@example.com' });
    const pat = as(app, { cookie: await signIn(app, 'pat@example.com') });
    const change = (currentPassword: string) =>
      pat({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        payload: { currentPassword, newPassword: 'a brand new passphrase' },
        headers: { origin: app.config.publicUrl },
      });
    expect((await change('wrong guess at it')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await change(testPassword)).statusCode).toBe(200);
    expect(await signIn(app, 'pat@example.com', 'a brand new passphrase')).toContain('=');

    const admin = as(app, { cookie: await signIn(app, 'root@example.com') });
    const logged = (await admin({ method: 'GET', url: '/api/v1/admin/audit?action=password.change' })).json()
      .items as Entry[];
    expect(logged.map((entry) => [entry.status, entry.actor_id])).toEqual([
      ['success', user.id],
      ['failure', user.id],
    ]);
  });
});
