import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const newcomer = { email: 'new@example.com', password: 'a long enough password', name: 'New' };

describe('sign-up policies', () => {
  const apps: TestApp[] = [];
  const start = async (signupPolicy: string) => {
    const testApp = await buildTestApp('embedded', { settings: { signupPolicy } });
    apps.push(testApp);
    return testApp.app;
  };
  afterAll(() => Promise.all(apps.map((testApp) => testApp.close())));

  it('open: anyone signs up and is signed in, as a user', async () => {
    const app = await start('open');
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: newcomer,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: 'new@example.com', role: 'user' });
    const me = await app.http.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookiesFrom(response) },
    });
    expect(me.json().email).toBe('new@example.com');

    const again = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: newcomer,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'EMAIL_IN_USE', field: 'email' });

    const short = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...newcomer, email: 'b@example.com', password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
  });

  it('closed: sign-up is refused', async () => {
    const app = await start('closed');
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: newcomer,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('SIGNUP_CLOSED');
  });

  it('invite: only with a valid invite, once, with the role it grants', async () => {
    const app = await start('invite');
    const without = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: newcomer,
    });
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'INVITE_INVALID', field: 'invite' });

    await seedUser(app, { email: 'boss@example.com', role: 'admin' });
    const admin = await signIn(app, 'boss@example.com');
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/v1/admin/invites',
      headers: { cookie: admin },
      payload: { role: 'admin' },
    });
    expect(created.statusCode).toBe(201);
    const { token, url } = created.json();
    expect(url).toContain(token);

    const used = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...newcomer, invite: token },
    });
    expect(used.statusCode).toBe(200);
    expect(used.json().user.role).toBe('admin');

    const reused = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...newcomer, email: 'other@example.com', invite: token },
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('INVITE_INVALID');
  });

  it('invite for one address refuses another and stays usable', async () => {
    const app = await start('invite');
    await seedUser(app, { email: 'boss@example.com', role: 'admin' });
    const admin = await signIn(app, 'boss@example.com');
    const { token } = (
      await app.http.inject({
        method: 'POST',
        url: '/api/v1/admin/invites',
        headers: { cookie: admin },
        payload: { email: 'new@example.com' },
      })
    ).json();
    const wrong = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...newcomer, email: 'else@example.com', invite: token },
    });
    expect(wrong.statusCode).toBe(400);
    const right = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...newcomer, invite: token },
    });
    expect(right.statusCode).toBe(200);
  });
});

describe('first-run setup', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
  });
  afterAll(() => testApp.close());

  it('creates the first admin once, signs them in, then refuses', async () => {
    const inject = testApp.app.http.inject.bind(testApp.app.http);
    expect((await inject({ method: 'GET', url: '/api/v1/setup' })).json()).toMatchObject({
      needs_admin: true,
    });
    const payload = { email: 'root@example.com', password: 'a long enough password', name: 'Root' };
    const created = await inject({ method: 'POST', url: '/api/v1/setup', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.role).toBe('admin');
    const me = await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookiesFrom(created) } });
    expect(me.json().role).toBe('admin');

    expect((await inject({ method: 'GET', url: '/api/v1/setup' })).json()).toMatchObject({
      needs_admin: false,
    });
    const again = await inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...payload, email: 'intruder@example.com' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_DONE');
  });
});

describe('the password rule forms show', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((testApp) => testApp.close())));

  it('is PASSWORD_MIN_LENGTH, told to anyone before they sign in, and what sign-up enforces', async () => {
    const testApp = await buildTestApp('embedded', {
      settings: { passwordMinLength: '14', signupPolicy: 'open' },
    });
    apps.push(testApp);
    const inject = testApp.app.http.inject.bind(testApp.app.http);
    const setup = await inject({ method: 'GET', url: '/api/v1/setup' });
    expect(setup.statusCode).toBe(200);
    expect(setup.json()).toMatchObject({ password_min_length: 14 });

    const payload = { email: 'thirteen@example.com', name: 'Thirteen', password: 'x'.repeat(13) };
    const short = await inject({ method: 'POST', url: '/api/v1/auth/sign-up/email', payload });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'password', message: expect.stringContaining('14') });
    const enough = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { ...payload, password: 'x'.repeat(14) },
    });
    expect(enough.statusCode).toBe(200);
  });
});
