import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const publicUrl = 'http://switchboard.test:3000';
const redirectUri = 'http://127.0.0.1:7777/callback';
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('the OAuth 2.1 authorization server for MCP clients', () => {
  let testApp: TestApp;
  let cookie: string;
  let userId: string;
  let metadata: Record<string, string | string[]>;
  const inject = (...args: Parameters<ReturnType<typeof as>>) => as(testApp.app, {})(...args);

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { publicUrl } });
    userId = (await seedUser(testApp.app, { email: 'mcp@example.com' })).id;
    cookie = await signIn(testApp.app, 'mcp@example.com');
    metadata = (await inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' })).json();
  });
  afterAll(() => testApp.close());

  it('publishes RFC 8414 metadata with PKCE and dynamic registration', () => {
    expect(metadata).toMatchObject({
      authorization_endpoint: expect.stringContaining('/oauth2/authorize'),
      token_endpoint: expect.stringContaining('/oauth2/token'),
      registration_endpoint: expect.stringContaining('/oauth2/register'),
      jwks_uri: expect.stringContaining('/jwks'),
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('registers a client, authorizes a user with PKCE, and issues a JWT verifiable by JWKS that acts as that user', async () => {
    const registered = await inject({
      method: 'POST',
      url: pathOf(metadata.registration_endpoint as string),
      payload: {
        client_name: 'Test MCP client',
        application_type: 'native',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: 'mcp offline_access',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const clientId = registered.json().client_id as string;

    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorizeQuery = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'mcp',
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      resource: `${publicUrl}/mcp`,
    });
    const authorize = await as(testApp.app, { cookie })({
      method: 'GET',
      url: `${pathOf(metadata.authorization_endpoint as string)}?${authorizeQuery}`,
    });
    // A first-time client needs the user's consent: the consent page posts it back with the signed query.
    expect(authorize.statusCode).toBe(302);
    const consentPage = new URL(String(authorize.headers.location), publicUrl);
    expect(consentPage.pathname).toBe('/consent');
    const consent = await as(testApp.app, { cookie })({
      method: 'POST',
      url: '/api/v1/auth/oauth2/consent',
      headers: { origin: publicUrl }, // as the consent page in the browser sends it
      payload: { accept: true, oauth_query: consentPage.search.slice(1) },
    });
    expect(consent.statusCode).toBe(200);
    const callback = new URL(consent.json().url);
    expect(callback.searchParams.get('state')).toBe('state-123');
    const code = callback.searchParams.get('code') ?? '';

    const token = await inject({
      method: 'POST',
      url: pathOf(metadata.token_endpoint as string),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
        resource: `${publicUrl}/mcp`,
      }).toString(),
    });
    expect(token.statusCode).toBe(200);
    const accessToken = token.json().access_token as string;

    const jwks = (await inject({ method: 'GET', url: pathOf(metadata.jwks_uri as string) })).json();
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
      audience: `${publicUrl}/mcp`,
    });
    expect(payload.sub).toBe(userId);
    expect(payload.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3600);

    const { actor } = await testApp.app.identity.resolveActor({
      headers: new Headers({ authorization: `Bearer ${accessToken}` }),
      surface: 'mcp',
    });
    expect(actor).toMatchObject({ userId, scopes: ['mcp'], via: 'mcp', credential: { kind: 'oauth' } });
  });

  it('lets a confidential client authenticate at the token endpoint with HTTP Basic', async () => {
    const registered = await inject({
      method: 'POST',
      url: '/api/v1/auth/oauth2/register',
      payload: {
        client_name: 'Confidential client',
        application_type: 'native',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const { client_id, client_secret } = registered.json();
    const token = await inject({
      method: 'POST',
      url: '/api/v1/auth/oauth2/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`,
      },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'not-a-real-code',
        redirect_uri: redirectUri,
      }).toString(),
    });
    // The client authenticated (our API-key resolution stayed out of the way); only the code is wrong.
    expect(token.statusCode).toBe(400);
    expect(token.json().error).toBe('invalid_grant');
  });

  it('refuses a forged or garbled access token', async () => {
    const resolve = (token: string) =>
      testApp.app.identity.resolveActor({
        headers: new Headers({ authorization: `Bearer ${token}` }),
        surface: 'mcp',
      });
    await expect(resolve('not.a.jwt')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    const [header, body] = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'.split('.');
    await expect(resolve(`${header}.${body}.`)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
