import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';
import { adminRows, ownedRows, publicRoutes, routesCheckedElsewhere, type RowContext } from './rows.js';

interface Callers {
  owner: { cookie: string; id: string; email: string };
  other: { cookie: string };
  admin: { cookie: string };
  revokedKey: string;
  readOnlyKey: string;
  mcpOnlyKey: string;
  adminKeyWithoutAdminScope: string;
}

describe.each(databaseKinds)('the isolation matrix on %s', (kind) => {
  let testApp: TestApp;
  let callers: Callers;
  const context = (): RowContext => ({
    app: testApp.app,
    ownerEmail: callers.owner.email,
    ownerCookie: callers.owner.cookie,
  });
  const send = (
    credential: { cookie?: string; key?: string },
    method: string,
    request: { url: string; payload?: unknown; headers?: Record<string, string> },
  ) =>
    as(
      testApp.app,
      credential,
    )({
      method: method as InjectOptions['method'],
      url: request.url,
      payload: request.payload as InjectOptions['payload'],
      ...(request.headers ? { headers: request.headers } : {}),
    });

  beforeAll(async () => {
    // With the durable engine: the owner's workflow-run requests start, cancel and resume real
    // runs, and answering an approval wakes its run.
    testApp = await buildTestApp(kind, { settings: { fetchAllowedHosts: '127.0.0.1' }, engine: true });
    const app = testApp.app;
    const owner = await seedUser(app, { email: 'owner@example.com' });
    await seedUser(app, { email: 'other@example.com' });
    await seedUser(app, { email: 'admin@example.com', role: 'admin' });
    const ownerCookie = await signIn(app, 'owner@example.com');
    const adminCookie = await signIn(app, 'admin@example.com');
    const revoked = await createApiKey(app, ownerCookie);
    await as(app, { cookie: ownerCookie })({
      method: 'DELETE',
      url: `/api/v1/me/api-keys/${revoked.api_key.id}`,
    });
    callers = {
      owner: { cookie: ownerCookie, id: owner.id, email: owner.email },
      other: { cookie: await signIn(app, 'other@example.com') },
      admin: { cookie: adminCookie },
      revokedKey: revoked.key,
      readOnlyKey: (await createApiKey(app, ownerCookie, ['api:read'])).key,
      mcpOnlyKey: (await createApiKey(app, ownerCookie, ['mcp'])).key,
      adminKeyWithoutAdminScope: (await createApiKey(app, adminCookie, ['api:read', 'api:write'])).key,
    };
  });
  afterAll(() => testApp.close());

  it('has a row for every /api/v1 and OpenAI-compatible /v1 route', () => {
    const listed = new Set(
      [...ownedRows, ...adminRows]
        .map((row) => `${row.method} ${row.route}`)
        .concat(publicRoutes, routesCheckedElsewhere),
    );
    const registered = testApp.app.http.routeList
      .filter(
        (route) =>
          (route.url.startsWith('/api/v1/') || route.url.startsWith('/v1/')) && route.method !== 'HEAD',
      )
      .map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !registered.includes(route))).toEqual([]);
  });

  it.each(ownedRows)(
    '$method $route: 401 anonymous and revoked, 403 without the scope, hidden from another user, served to the owner',
    async (row) => {
      const request = await row.request(context());
      expect((await send({}, row.method, request)).statusCode, 'anonymous').toBe(401);
      expect((await send({ key: callers.revokedKey }, row.method, request)).statusCode, 'revoked key').toBe(
        401,
      );

      const lacking = await send(
        { key: row.scope === 'api:read' ? callers.mcpOnlyKey : callers.readOnlyKey },
        row.method,
        request,
      );
      expect(lacking.statusCode, 'key without the scope').toBe(403);
      expect(lacking.json().error.code).toBe('MISSING_SCOPE');

      const other = await send({ cookie: callers.other.cookie }, row.method, request);
      if (row.otherUser === 'not_found') {
        const hidden =
          other.statusCode === 404 ||
          (other.statusCode === 200 && /_NOT_FOUND$/.test(other.json().structured_content?.error_code));
        expect(hidden, `another user got ${other.statusCode} ${other.body}`).toBe(true);
      } else {
        expect(other.statusCode, 'another user').toBeLessThan(300);
        expect(other.body).not.toContain(callers.owner.id);
        expect(other.body).not.toContain(callers.owner.email);
      }

      // Last, and with the same request: the owner's object survived everyone else's attempts.
      const owner = await send({ cookie: callers.owner.cookie }, row.method, request);
      expect(owner.statusCode, owner.body).toBeLessThan(300);
      if (
        String(owner.headers['content-type']).startsWith('application/json') &&
        owner.json().is_error !== undefined
      )
        expect(owner.json().is_error, owner.body).toBe(false);
    },
  );

  describe.each(adminRows)('$method $route', (row) => {
    it('refuses anonymous callers and revoked keys with 401', async () => {
      expect((await send({}, row.method, await row.request(context()))).statusCode).toBe(401);
      expect(
        (await send({ key: callers.revokedKey }, row.method, await row.request(context()))).statusCode,
      ).toBe(401);
    });

    it('refuses a user, and an admin key without the admin scope, with 403', async () => {
      expect(
        (await send({ cookie: callers.owner.cookie }, row.method, await row.request(context()))).statusCode,
      ).toBe(403);
      expect(
        (await send({ key: callers.adminKeyWithoutAdminScope }, row.method, await row.request(context())))
          .statusCode,
      ).toBe(403);
    });

    it('serves an admin', async () => {
      const response = await send({ cookie: callers.admin.cookie }, row.method, await row.request(context()));
      expect(response.statusCode, response.body).toBeLessThan(300);
    });
  });
});
