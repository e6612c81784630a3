import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('request protection', () => {
  let testApp: TestApp;
  let cookie: string;
  const patchName = (headers: Record<string, string>) =>
    as(testApp.app, { cookie })({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'Changed' },
      headers,
    });

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', {
      settings: { publicUrl: 'https://switchboard.example.com', trustedOrigins: 'https://admin.example.com' },
    });
    await seedUser(testApp.app, { email: 'csrf@example.com' });
    cookie = await signIn(testApp.app, 'csrf@example.com');
  });
  afterAll(() => testApp.close());

  it('refuses a cookie-authenticated write from another site', async () => {
    const response = await patchName({ origin: 'https://evil.example.net' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_REJECTED');
    expect((await patchName({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('accepts writes from our own origin, a trusted origin, or a client that is not a browser', async () => {
    expect((await patchName({ origin: 'https://switchboard.example.com' })).statusCode).toBe(200);
    expect((await patchName({ origin: 'https://admin.example.com' })).statusCode).toBe(200);
    expect((await patchName({})).statusCode).toBe(200);
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const response = await testApp.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: 'csrf@example.com', password: 'correct horse battery' },
    });
    const cookies = [response.headers['set-cookie']].flat().join('\n');
    expect(cookies).toMatch(/__Secure-switchboard\.session_token=[^;]+;.*Secure/i);
  });

  it('sends security headers', async () => {
    const response = await testApp.app.http.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toContain('max-age=');
  });
});
