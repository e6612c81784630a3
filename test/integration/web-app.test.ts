import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('the web app pages', () => {
  let testApp: TestApp;
  const get = (url: string, cookie?: string) =>
    testApp.app.http.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
  });
  afterAll(() => testApp.close());

  it('sends every page to first-run setup while no admin exists', async () => {
    for (const url of ['/', '/chat', '/tasks', '/signin']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(302);
      expect(page.headers.location, url).toBe('/setup');
    }
    const setup = await get('/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['content-type']).toContain('text/html');
    expect(setup.body).toContain('<div id="root">');
  });

  describe('once an admin exists', () => {
    let cookie: string;
    beforeAll(async () => {
      await seedUser(testApp.app, { email: 'ada@example.com', role: 'admin' });
      cookie = await signIn(testApp.app, 'ada@example.com');
    });

    it('sends a signed-out visitor of a deep link to sign in, with the way back', async () => {
      const page = await get('/chat/abc?x=1&y=2');
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe(`/signin?next=${encodeURIComponent('/chat/abc?x=1&y=2')}`);
      expect((await get('/signin')).statusCode).toBe(200);
      expect((await get('/setup')).headers.location).toBe('/signin');
    });

    it('serves the app to a signed-in visitor at every app path, uncached', async () => {
      for (const url of [
        '/',
        '/chat',
        '/chat/abc',
        '/tasks',
        '/documents/x',
        '/settings',
        '/admin',
        '/no-such-page',
      ]) {
        const page = await get(url, cookie);
        expect(page.statusCode, url).toBe(200);
        expect(page.headers['cache-control'], url).toBe('no-store');
        expect(page.body).toContain('<title>Switchboard</title>');
      }
    });

    it('sends a signed-in visitor of the sign-in page on, to this site only', async () => {
      expect((await get('/signin?next=%2Ftasks', cookie)).headers.location).toBe('/tasks');
      expect((await get('/signin?next=%2F%2Fevil.example%2F', cookie)).headers.location).toBe('/chat');
      expect((await get('/signin?next=https%3A%2F%2Fevil.example%2F', cookie)).headers.location).toBe(
        '/chat',
      );
      // An OAuth client's sign-in stays on the page, which takes the visitor back into the flow.
      expect((await get('/signin?sig=s&client_id=c', cookie)).statusCode).toBe(200);
    });

    it('ignores a bearer credential on a page load: pages are signed in by cookie', async () => {
      const page = await testApp.app.http.inject({
        method: 'GET',
        url: '/tasks',
        headers: { authorization: 'Bearer sb_not_a_key' },
      });
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toContain('/signin');
    });

    it('keeps API and file paths out of the app: a JSON 404 for a missing one', async () => {
      for (const url of ['/api/v1/nothing', '/assets/missing.js']) {
        const response = await get(url, cookie);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
      }
    });

    it('serves built files with long caching and no cookie', async () => {
      const index = await get('/signin');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
      expect(script).toBeDefined();
      const file = await get(String(script));
      expect(file.statusCode).toBe(200);
      expect(file.headers['cache-control']).toContain('immutable');
      expect(cookiesFrom(file)).toBe('');
    });
  });
});
