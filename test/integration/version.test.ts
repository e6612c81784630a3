import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commit, gitCommit, version } from '../../src/version.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('the version of a running instance', () => {
  let testApp: TestApp;
  let cookie: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    await seedUser(testApp.app, { email: 'reader@example.com' });
    cookie = await signIn(testApp.app, 'reader@example.com');
  });
  afterAll(() => testApp.close());

  it('tells a signed-in user the version, the commit, Node.js and when the instance started', async () => {
    const before = Date.now();
    const response = await as(testApp.app, { cookie })({ method: 'GET', url: '/api/v1/version' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      version,
      commit: commit(),
      node: process.versions.node,
      started_at: expect.any(String),
    });
    expect(Date.parse(body.started_at)).toBeLessThanOrEqual(before);
  });

  it('tells nobody who is not signed in', async () => {
    const response = await testApp.app.http.inject({ method: 'GET', url: '/api/v1/version' });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain(version);
  });
});

describe('the commit', () => {
  it('is the checkout’s HEAD when running from the sources', () => {
    expect(commit()).toMatch(/^[0-9a-f]{12}$/);
    expect(commit()).toBe(gitCommit());
  });

  it('is undefined from git outside a checkout, so the version falls back to "unknown"', () => {
    expect(gitCommit('/')).toBeUndefined();
  });
});
