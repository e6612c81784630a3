import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { featureNames } from '../../src/features/index.js';
import { featureFlagsTtlMs } from '../../src/features/service.js';
import { createLogger } from '../../src/logger.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/test-app.js';

const allOn = Object.fromEntries(featureNames.map((name) => [name, true]));

/** One request per surface each feature has, each refused with 403 FEATURE_DISABLED while it is off. */
const refusedWhileOff: Record<string, { method: 'GET' | 'POST'; url: string; payload?: object }[]> = {
  sign_up: [
    {
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { email: 'newcomer@example.com', password: 'correct horse battery', name: 'New' },
    },
  ],
  url_documents: [
    { method: 'POST', url: '/api/v1/resources', payload: { kind: 'url', url: 'https://example.com/' } },
  ],
  external_mcp_servers: [
    { method: 'GET', url: '/api/v1/mcp-servers' },
    {
      method: 'POST',
      url: '/api/v1/mcp-servers',
      payload: { name: 'remote', url: 'https://example.com/mcp' },
    },
  ],
  marketplace_publishing: [
    { method: 'POST', url: '/api/v1/marketplace', payload: { kind: 'agent', source_id: 'agent_1' } },
  ],
  a2a: [
    { method: 'GET', url: '/api/v1/a2a/agents' },
    { method: 'POST', url: '/api/v1/a2a/agents', payload: { card_url: 'https://example.com/card.json' } },
    { method: 'GET', url: '/a2a/agents/agent_1/.well-known/agent-card.json' },
  ],
  outbound_webhooks: [
    {
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 'hook',
        pattern: 'custom.*',
        target: { kind: 'webhook', url: 'https://example.com/hook' },
      },
    },
  ],
};

describe('feature flags', () => {
  let testApp: TestApp;
  let adminCookie: string;
  let userCookie: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { settings: { signupPolicy: 'open' } });
    await seedUser(testApp.app, { email: 'admin@example.com', role: 'admin' });
    await seedUser(testApp.app, { email: 'user@example.com' });
    adminCookie = await signIn(testApp.app, 'admin@example.com');
    userCookie = await signIn(testApp.app, 'user@example.com');
  });
  afterAll(() => testApp.close());

  const asAdmin = () => as(testApp.app, { cookie: adminCookie });
  const asUser = () => as(testApp.app, { cookie: userCookie });
  const setFeatures = async (flags: object) => {
    const response = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/features', payload: flags });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('has every feature on by default, for anyone to read', async () => {
    const response = await testApp.app.http.inject({ method: 'GET', url: '/api/v1/features' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(allOn);
  });

  it('does not let a user who is not an admin switch a feature', async () => {
    const response = await asUser()({
      method: 'PUT',
      url: '/api/v1/admin/features',
      payload: { a2a: false },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ADMIN_ONLY');
    expect((await asUser()({ method: 'GET', url: '/api/v1/features' })).json().a2a).toBe(true);
  });

  it('refuses an unknown feature name', async () => {
    const response = await asAdmin()({
      method: 'PUT',
      url: '/api/v1/admin/features',
      payload: { teleport: false },
    });
    expect(response.statusCode).toBe(400);
  });

  it.each(Object.entries(refusedWhileOff))(
    'answers 403 FEATURE_DISABLED on every surface of %s while it is off, and only that feature',
    async (feature, requests) => {
      expect(await setFeatures({ [feature]: false })).toEqual({ ...allOn, [feature]: false });
      try {
        for (const request of requests) {
          const send = feature === 'sign_up' ? as(testApp.app, {}) : asUser();
          const response = await send(request);
          expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(403);
          expect(response.json().error.code).toBe('FEATURE_DISABLED');
        }
      } finally {
        await setFeatures({ [feature]: true });
      }
      // On again: the same request is no longer refused for the feature.
      const [first] = requests;
      if (first && first.method === 'GET') {
        const response = await asUser()(first);
        expect(response.statusCode, response.body).toBeLessThan(400);
      }
    },
  );

  it('sends no test delivery to a webhook made before webhooks were switched off', async () => {
    const created = await asUser()({
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 'early hook',
        pattern: 'custom.*',
        target: { kind: 'webhook', url: 'https://example.com/hook' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await setFeatures({ outbound_webhooks: false });
    try {
      const test = await asUser()({
        method: 'POST',
        url: `/api/v1/event-subscriptions/${created.json().id}/test`,
      });
      expect(test.statusCode, test.body).toBe(403);
      expect(test.json().error.code).toBe('FEATURE_DISABLED');
    } finally {
      await setFeatures({ outbound_webhooks: true });
    }
  });

  it('records each change in the audit log, with who made it', async () => {
    await setFeatures({ outbound_webhooks: false });
    await setFeatures({ outbound_webhooks: true });
    const response = await asAdmin()({
      method: 'GET',
      url: '/api/v1/admin/audit?action=feature.update&limit=50',
    });
    expect(response.statusCode, response.body).toBe(200);
    const entries = response
      .json()
      .items.filter(
        (entry: { details: { feature?: string } }) => entry.details?.feature === 'outbound_webhooks',
      );
    expect(entries.map((entry: { details: { enabled: boolean } }) => entry.details.enabled)).toEqual(
      expect.arrayContaining([false, true]),
    );
    expect(entries[0].actor_id).toBeTruthy();
  });

  it('takes a change on this instance when another switched the same feature a moment ago', async () => {
    expect((await setFeatures({})).a2a).toBe(true); // this instance has read the switches just now
    let second: App | undefined;
    try {
      second = await createApp({
        config: testConfig({ ...testApp.database.settings }),
        logger: createLogger({ level: 'silent' }),
        engine: false,
      });
      const elsewhere = await as(second, { cookie: adminCookie })({
        method: 'PUT',
        url: '/api/v1/admin/features',
        payload: { a2a: false },
      });
      expect(elsewhere.json().a2a).toBe(false);
      // Within the time this instance trusts what it read, it still takes the admin's change.
      expect((await setFeatures({ a2a: true })).a2a).toBe(true);
      // And the other instance sees it once its own reading is old.
      await new Promise((resolve) => setTimeout(resolve, featureFlagsTtlMs));
      expect((await second.http.inject({ method: 'GET', url: '/api/v1/features' })).json().a2a).toBe(true);
    } finally {
      await second?.close();
      await setFeatures({ a2a: true });
    }
  });

  it('holds a change for another instance on the same database, over that instance’s FEATURES_DISABLED', async () => {
    // A saved switch wins over the config: url_documents was switched back on here.
    await setFeatures({ url_documents: false });
    await setFeatures({ url_documents: true, a2a: false });
    let second: App | undefined;
    try {
      second = await createApp({
        config: testConfig({ ...testApp.database.settings, featuresDisabled: 'url_documents' }),
        logger: createLogger({ level: 'silent' }),
        engine: false,
      });
      const response = await second.http.inject({ method: 'GET', url: '/api/v1/features' });
      expect(response.json()).toEqual({ ...allOn, a2a: false });
    } finally {
      await second?.close();
      await setFeatures({ a2a: true });
    }
  });
});
