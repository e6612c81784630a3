import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/build-server.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';
import { ownedRows } from './rows.js';

/** Where every route takes credentials, and so must say whose. */
const apiPrefixes = ['/api/v1/', '/v1/', '/mcp', '/a2a/'];

describe.each(databaseKinds)('route scopes on %s', (kind) => {
  let testApp: TestApp;
  let readOnlyKey: string;
  let mcpOnlyKey: string;
  let userCookie: string;
  let adminKeyWithoutAdminScope: string;

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    const app = testApp.app;
    await seedUser(app, { email: 'user@example.com' });
    await seedUser(app, { email: 'admin@example.com', role: 'admin' });
    userCookie = await signIn(app, 'user@example.com');
    readOnlyKey = (await createApiKey(app, userCookie, ['api:read'])).key;
    mcpOnlyKey = (await createApiKey(app, userCookie, ['mcp'])).key;
    const adminCookie = await signIn(app, 'admin@example.com');
    adminKeyWithoutAdminScope = (await createApiKey(app, adminCookie, ['api:read', 'api:write'])).key;
  });
  afterAll(() => testApp.close());

  const apiRoutes = () =>
    testApp.app.http.routeList.filter((route) => apiPrefixes.some((prefix) => route.url.startsWith(prefix)));

  it('finds a declared scope on every route under /api/v1, /v1 and /mcp', () => {
    const routes = apiRoutes();
    expect(routes.map((route) => route.url)).toEqual(
      expect.arrayContaining(['/api/v1/tasks', '/v1/chat/completions', '/mcp', '/api/v1/auth/*']),
    );
    const undeclared = routes.filter((route) => route.scope === undefined);
    expect(undeclared.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it('declares the scope the isolation matrix expects of each owned route', () => {
    const declared = new Map(apiRoutes().map((route) => [`${route.method} ${route.url}`, route.scope]));
    for (const row of ownedRows) {
      const scope = declared.get(`${row.method} ${row.route}`);
      if (typeof scope === 'function') continue; // decided per request (a tool's)
      expect(scope, `${row.method} ${row.route}`).toBe(row.scope);
    }
  });

  it('refuses an API key that lacks the route’s scope with 403 MISSING_SCOPE', async () => {
    const refused = [
      { key: readOnlyKey, method: 'POST', url: '/api/v1/tasks', payload: { title: 'not allowed' } },
      { key: readOnlyKey, method: 'POST', url: '/api/v1/tools/add_task', payload: { title: 'no' } },
      { key: readOnlyKey, method: 'PATCH', url: '/api/v1/me', payload: { name: 'no' } },
      { key: readOnlyKey, method: 'POST', url: '/v1/chat/completions', payload: { messages: [] } },
      { key: readOnlyKey, method: 'GET', url: '/v1/models' },
      { key: mcpOnlyKey, method: 'GET', url: '/api/v1/tasks' },
      { key: mcpOnlyKey, method: 'GET', url: '/api/v1/auth/get-session' },
      { key: adminKeyWithoutAdminScope, method: 'GET', url: '/api/v1/admin/users' },
    ] as const;
    for (const { key, ...request } of refused) {
      const response = await as(testApp.app, { key })(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(response.json().error.code, `${request.method} ${request.url}`).toBe('MISSING_SCOPE');
    }
  });

  it('serves a read-only key the routes and tools that only read', async () => {
    const send = as(testApp.app, { key: readOnlyKey });
    expect((await send({ method: 'GET', url: '/api/v1/tasks' })).statusCode).toBe(200);
    const listed = await send({ method: 'POST', url: '/api/v1/tools/list_tasks', payload: {} });
    expect(listed.statusCode, listed.body).toBe(200);
  });

  it('refuses a user on an admin route with 403 ADMIN_ONLY, and nobody with 401', async () => {
    const asUser = await as(testApp.app, { cookie: userCookie })({
      method: 'GET',
      url: '/api/v1/admin/users',
    });
    expect(asUser.statusCode).toBe(403);
    expect(asUser.json().error.code).toBe('ADMIN_ONLY');
    const anonymous = await as(testApp.app, {})({ method: 'GET', url: '/api/v1/admin/users' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses nobody before naming a tool: an unknown tool is 401 without credentials', async () => {
    const response = await as(
      testApp.app,
      {},
    )({ method: 'POST', url: '/api/v1/tools/no_such_tool', payload: {} });
    expect(response.statusCode).toBe(401);
  });

  it('lets anyone reach the public routes', async () => {
    const response = await as(testApp.app, {})({ method: 'GET', url: '/api/v1/setup' });
    expect(response.statusCode).toBe(200);
  });
});

describe('a route that declares no scope', () => {
  it('is refused as a bug (500), never served', async () => {
    const config = testConfig({});
    const http = await buildHttpServer({
      config,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
    });
    let served = false;
    http.get('/api/v1/forgotten', () => {
      served = true;
      return { ok: true };
    });
    http.get('/api/v1/declared', { config: { scope: 'api:read' } }, () => ({ ok: true }));
    const forgotten = await http.inject({ method: 'GET', url: '/api/v1/forgotten' });
    expect(forgotten.statusCode).toBe(500);
    expect(served).toBe(false);
    expect((await http.inject({ method: 'GET', url: '/api/v1/declared' })).statusCode).toBe(401);
    // The HEAD route Fastify adds for each GET is checked the same way.
    expect((await http.inject({ method: 'HEAD', url: '/api/v1/forgotten' })).statusCode).toBe(500);
    expect((await http.inject({ method: 'HEAD', url: '/api/v1/declared' })).statusCode).toBe(401);
    expect(served).toBe(false);
    await http.close();
  });
});
