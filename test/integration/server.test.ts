import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

describe.each(databaseKinds)('the server over HTTP on %s', (kind) => {
  let testApp: TestApp;
  let url: string;

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    url = await testApp.app.listen();
  });
  afterAll(() => testApp.close());

  it('says it is alive and ready', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: kind });
  });

  it('counts requests by route pattern and reports the database connections in /metrics', async () => {
    await fetch(`${url}/readyz`);
    await fetch(`${url}/no/such/route`, { method: 'POST' });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/readyz",status="200"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="POST",route="\(unmatched\)",status="404"\} [1-9]/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/readyz"\} [1-9]/,
    );
    expect(text).toMatch(/db_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/events_published_total\{type="instance.started"\} 1/);
  });

  it('describes its API in OpenAPI, generated from the route schemas', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a large JSON document
    const document: any = await (await fetch(`${url}/api/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(
      document.paths['/readyz'].get.responses['200'].content['application/json'].schema.properties.status,
    ).toMatchObject({
      type: 'string',
      enum: ['ready'],
    });
    expect(document.paths['/readyz'].get.responses['503']).toBeDefined();
    const docs = await fetch(`${url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });

  it('serves the web app at /', async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Switchboard</title>');
  });

  it('gives every response a request id', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readiness', () => {
  it('answers 503 DATABASE_UNAVAILABLE when the database is gone, while /healthz stays 200', async () => {
    const testApp = await buildTestApp('embedded');
    try {
      await testApp.app.database.close();
      const ready = await testApp.app.http.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect((await testApp.app.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await testApp.close();
    }
  });

  it('answers 503 AUTH_UNAVAILABLE on sign-in and then on /readyz when sign-in cannot start', async () => {
    const testApp = await buildTestApp('embedded');
    const database = new pg.Client({ connectionString: testApp.app.database.url });
    await database.connect();
    const readyz = () => testApp.app.http.inject({ method: 'GET', url: '/readyz' });
    try {
      // Sign-in starts on its first use (no server has listened here) and finds its OAuth tables gone.
      await database.query('alter table oauth_resources rename to oauth_resources_away');
      expect((await readyz()).statusCode).toBe(200); // nothing has tried it yet
      const signIn = await testApp.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/email',
        payload: { email: 'ada@example.com', password: 'correct horse battery' },
      });
      expect(signIn.statusCode).toBe(503);
      expect(signIn.json().error.code).toBe('AUTH_UNAVAILABLE');
      const ready = await readyz();
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe('AUTH_UNAVAILABLE');
    } finally {
      await database.query('alter table if exists oauth_resources_away rename to oauth_resources');
      await database.end();
      await testApp.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then closes the database', async () => {
    const testApp = await buildTestApp('embedded');
    let release = () => {};
    const started = new Promise<void>((resolve) => {
      testApp.app.http.get('/test/slow', async () => {
        resolve();
        await new Promise<void>((done) => {
          release = done;
        });
        return { finished: true };
      });
    });
    const url = await testApp.app.listen();
    const inFlight = fetch(`${url}/test/slow`);
    await started;

    const closing = testApp.app.close();
    // The listener closes once the app's own shutdown steps before it are done: under load, later than 100 ms.
    await expect
      .poll(
        () =>
          fetch(`${url}/healthz`).then(
            () => 'answered',
            () => 'refused',
          ),
        { timeout: 10_000 },
      )
      .toBe('refused');
    release();

    const response = await inFlight;
    expect(response.status).toBe(200);
    // A keep-alive client is told to let the connection go, so it cannot hold the shutdown open.
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ finished: true });
    await closing;
    await expect(testApp.app.database.ping()).rejects.toThrow();
    await testApp.database.drop();
  });

  it('cuts requests that outlast the shutdown timeout', async () => {
    const testApp = await buildTestApp('embedded', { settings: { shutdownTimeoutMs: '200' } });
    const arrived = new Promise<void>((resolve) => {
      testApp.app.http.get('/test/stuck', () => {
        resolve();
        return new Promise(() => {});
      });
    });
    const url = await testApp.app.listen();
    // Settled at once: the cut may come while close() is still running, before anyone awaits it.
    const stuck = fetch(`${url}/test/stuck`).then(
      () => 'answered',
      () => 'cut',
    );
    await arrived;
    const startedAt = Date.now();
    await testApp.close();
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(await stuck).toBe('cut');
  });
});
