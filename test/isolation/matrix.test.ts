import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';
import { adminRows, ownedRows, publicRoutes, type RowContext } from './rows.js';

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
    request: { url: string; payload?: unknown },
  ) =>
    as(
      testApp.app,
      credential,
    )({
      method: method as InjectOptions['method'],
      url: request.url,
      payload: request.payload as InjectOptions['payload'],
    });

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    const app = testApp.app;
    const owner = await seedUser(app, { email: 'owner@example.com' });
    await seedUser(app, { email: 'other@example.com' });
    await seedUser(app, { email: 'admin@example.com', role: 'admin' });
    const ownerCookie = await signIn(app, 'owner@example.com');
    const adminCookie = await signIn(app, 'admin@example.com');
    const revoked = await createApiKey(app, ownerCookie);
    await as(app, { cookie: ownerCookie })({
      method: 'DELETE',
      url: `/api/v1/me/api-keys/${revoked.apiKey.id}`,
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

  it('has a row for every /api/v1 route', () => {
    const listed = new Set(
      [...ownedRows, ...adminRows].map((row) => `${row.method} ${row.route}`).concat(publicRoutes),
    );
    const registered = testApp.app.http.routeList
      .filter((route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !registered.includes(route))).toEqual([]);
  });

  describe.each(ownedRows)('$method $route', (row) => {
    it('refuses anonymous callers and revoked keys with 401', async () => {
      expect((await send({}, row.method, await row.request(context()))).statusCode).toBe(401);
      expect(
        (await send({ key: callers.revokedKey }, row.method, await row.request(context()))).statusCode,
      ).toBe(401);
    });

    it(`refuses a key without ${row.scope} with 403`, async () => {
      const key = row.scope === 'api:read' ? callers.mcpOnlyKey : callers.readOnlyKey;
      const response = await send({ key }, row.method, await row.request(context()));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('MISSING_SCOPE');
    });

    it(`shows another user ${row.otherUser === 'not_found' ? 'not found' : 'only their own data'}`, async () => {
      const response = await send({ cookie: callers.other.cookie }, row.method, await row.request(context()));
      if (row.otherUser === 'not_found') {
        expect(response.statusCode).toBe(404);
      } else {
        expect(response.statusCode).toBeLessThan(300);
        expect(response.body).not.toContain(callers.owner.id);
        expect(response.body).not.toContain(callers.owner.email);
      }
    });

    it('serves the owner', async () => {
      const response = await send({ cookie: callers.owner.cookie }, row.method, await row.request(context()));
      expect(response.statusCode, response.body).toBeLessThan(300);
    });
  });

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
