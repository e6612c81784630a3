import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { cookiesFrom, seedUser, signIn, testPassword } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('signing in on %s', (kind) => {
  let testApp: TestApp;
  /** Failures to one account from all addresses before it is locked for everyone. */
  const accountLimit = 25;
  let now = new Date('2026-11-21T10:00:00Z');
  const clock: Clock = { now: () => now };
  const inject = (options: InjectOptions) => testApp.app.http.inject(options);
  const signInAs = (email: string, password: string, ip = '10.0.0.1') =>
    inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email, password },
      remoteAddress: ip,
    } as never);

  beforeAll(async () => {
    testApp = await buildTestApp(kind, {
      clock,
      settings: { signInMaxPerIp: '30', signInMaxPerAccount: String(accountLimit) },
    });
    for (const email of ['ann', 'locked', 'owner', 'spread'])
      await seedUser(testApp.app, { email: `${email}@example.com` });
  });
  afterAll(() => testApp.close());

  it('sets an httpOnly, SameSite=Lax session cookie that get-session accepts', async () => {
    const response = await signInAs('Ann@Example.com', testPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: 'ann@example.com', role: 'user', active: true },
      session: { id: expect.any(String) },
    });
    const cookie =
      [response.headers['set-cookie']]
        .flat()
        .find((line) => line?.startsWith('switchboard.session_token=')) ?? '';
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);

    const session = await inject({
      method: 'GET',
      url: '/api/v1/auth/get-session',
      headers: { cookie: cookiesFrom(response) },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe('ann@example.com');
  });

  it('answers 401 to get-session without a session', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/auth/get-session' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await signInAs('nobody@example.com', 'whatever-password', '10.0.0.2');
    const wrong = await signInAs('ann@example.com', 'wrong-password!', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const withoutId = (body: { error: Record<string, unknown> }) => ({
      ...body.error,
      request_id: undefined,
    });
    expect(withoutId(unknown.json())).toEqual(withoutId(wrong.json()));
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('ends the session at sign-out: the same cookie is refused next time', async () => {
    const cookie = await signIn(testApp.app, 'ann@example.com');
    const out = await inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('locks an address out of an account after repeated failures, even against the right password, until the window passes', async () => {
    const stranger = '10.1.0.1';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++)
      statuses.push((await signInAs('locked@example.com', `wrong-${attempt}-password`, stranger)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));

    const refused = await signInAs('locked@example.com', testPassword, stranger);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe('RATE_LIMITED');

    now = new Date(now.getTime() + 901_000);
    const allowed = await signInAs('locked@example.com', testPassword, stranger);
    expect(allowed.statusCode).toBe(200);
  });

  it('lets the owner sign in from their own address while a stranger’s address is locked out', async () => {
    const stranger = '10.5.0.1';
    // More attempts than the account's limit for everyone: the refused ones must not count toward it.
    for (let attempt = 0; attempt < accountLimit + 5; attempt++)
      await signInAs('owner@example.com', `wrong-${attempt}-password`, stranger);
    expect((await signInAs('owner@example.com', testPassword, stranger)).statusCode).toBe(429);
    expect((await signInAs('owner@example.com', testPassword, '10.6.0.1')).statusCode).toBe(200);
  });

  it('locks the account for everyone after many failures from many addresses', async () => {
    const statuses: number[] = [];
    for (let address = 0; address < 3; address++)
      for (let attempt = 0; attempt < 10; attempt++)
        statuses.push(
          (await signInAs('spread@example.com', `wrong-${attempt}-password`, `10.7.0.${address}`)).statusCode,
        );
    expect(statuses.slice(0, accountLimit)).toEqual(Array(accountLimit).fill(401));
    expect(statuses.slice(accountLimit)).toEqual(Array(30 - accountLimit).fill(429));
    // Even the owner, from an address that never failed, until the window passes.
    expect((await signInAs('spread@example.com', testPassword, '10.8.0.1')).statusCode).toBe(429);
    now = new Date(now.getTime() + 901_000);
    expect((await signInAs('spread@example.com', testPassword, '10.8.0.1')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP address across accounts', async () => {
    const ip = '10.9.9.9';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      statuses.push((await signInAs(`someone-${attempt}@example.com`, 'wrong-password!', ip)).statusCode);
    }
    expect(statuses.at(29)).toBe(401);
    expect(statuses.at(30)).toBe(429);
  });
});
