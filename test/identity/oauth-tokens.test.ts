import { createHash, randomBytes } from 'node:crypto';
import { registerClient } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { OAuthMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, cookiesFrom, seedUser, signIn, testPassword } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const publicUrl = 'http://switchboard.test:3000';
const redirectUri = 'http://127.0.0.1:7777/callback';
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('OAuth access tokens for MCP clients: registration, audience, revocation, sign-out', () => {
  let testApp: TestApp;
  let userId: string;
  let metadata: OAuthMetadata;
  const inject = (...args: Parameters<ReturnType<typeof as>>) => as(testApp.app, {})(...args);

  /** fetch, answered by the app in process (PUBLIC_URL is a name no DNS knows). */
  const fetchFromApp: FetchLike = async (url, init) => {
    const response = await inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: pathOf(String(url)),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(init?.body ? { payload: String(init.body) } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined) headers.set(name, String(value));
    return new Response(response.statusCode === 204 ? null : response.body, {
      status: response.statusCode,
      headers,
    });
  };

  /** Registers a public client the way the MCP SDK's OAuth client does. */
  const register = (redirect = redirectUri) =>
    registerClient(publicUrl, {
      metadata,
      clientMetadata: {
        client_name: 'An MCP client',
        redirect_uris: [redirect],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
      fetchFn: fetchFromApp,
    });

  /** The authorization code flow with PKCE and consent, as the signed-in `cookie`; answers the token response. */
  async function authorize({
    clientId,
    cookie,
    resource = `${publicUrl}/mcp`,
  }: {
    clientId: string;
    cookie: string;
    resource?: string;
  }) {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'mcp',
      state: 'state',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      resource,
    });
    const authorized = await as(testApp.app, { cookie })({
      method: 'GET',
      url: `${pathOf(metadata.authorization_endpoint)}?${query}`,
    });
    const location = new URL(String(authorized.headers.location), publicUrl);
    let callback = location;
    if (location.pathname === '/consent') {
      const consent = await as(testApp.app, { cookie })({
        method: 'POST',
        url: '/api/v1/auth/oauth2/consent',
        headers: { origin: publicUrl },
        payload: { accept: true, oauth_query: location.search.slice(1) },
      });
      callback = new URL(consent.json().url);
    }
    const code = callback.searchParams.get('code');
    if (!code) return { error: callback.searchParams.get('error') ?? `no code: ${callback.href}` };
    const token = await inject({
      method: 'POST',
      url: pathOf(metadata.token_endpoint),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
        resource,
      }).toString(),
    });
    return token.json() as { access_token?: string; error?: string };
  }

  /** A signed-in browser session of the user: its cookie. */
  const newSession = () => signIn(testApp.app, 'tokens@example.com', testPassword);

  /** What /mcp answers to an initialize request with this bearer token. */
  const initializeMcp = (token: string) =>
    inject({
      method: 'POST',
      url: '/mcp',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
      },
      payload: {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      },
    });

  const actsAs = (token: string) =>
    testApp.app.identity
      .resolveActor({ headers: new Headers({ authorization: `Bearer ${token}` }), surface: 'mcp' })
      .then(
        ({ actor }) => actor?.userId,
        (error: { code?: string }) => error.code,
      );

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { publicUrl } });
    userId = (await seedUser(testApp.app, { email: 'tokens@example.com' })).id;
    metadata = (await inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' })).json();
  });
  afterAll(() => testApp.close());

  it('registers an MCP client whose redirect URI is on loopback, without application_type (RFC 8252)', async () => {
    for (const redirect of [
      'http://127.0.0.1:33418/callback',
      'http://localhost:6274/oauth/callback',
      'http://[::1]:8080/cb',
    ]) {
      const registered = await register(redirect);
      expect(registered.client_id).toEqual(expect.any(String));
      expect(registered.redirect_uris).toEqual([redirect]);
    }
    // A web client still needs https off loopback.
    await expect(register('http://example.com/callback')).rejects.toThrow(/redirect/i);
  });

  it('issues tokens for PUBLIC_URL/mcp that /mcp accepts, and refuses the bare origin as a resource', async () => {
    const { client_id } = await register();
    const cookie = await newSession();
    const { access_token } = await authorize({ clientId: client_id, cookie });
    expect(await actsAs(access_token ?? '')).toBe(userId);
    expect((await initializeMcp(access_token ?? '')).statusCode).toBe(200);

    const forOrigin = await authorize({ clientId: client_id, cookie, resource: publicUrl });
    expect(forOrigin.access_token).toBeUndefined();
  });

  it('refuses at /mcp a token signed by us for the bare origin', async () => {
    const payload = { sub: userId, scope: 'mcp', azp: 'someone', iss: publicUrl, jti: 'forged-1' };
    const auth = await testApp.app.identity.auth.get();
    const sign = (aud: string) =>
      auth.api.signJWT({ body: { payload: { ...payload, aud } } }).then(({ token }) => token);
    expect(await actsAs(await sign(`${publicUrl}/mcp`))).toBe(userId);
    expect(await actsAs(await sign(publicUrl))).toBe('INVALID_TOKEN');
  });

  it('revokes an access token at /oauth2/revoke, after which /mcp refuses it with invalid_token', async () => {
    const { client_id } = await register();
    const { access_token = '' } = await authorize({ clientId: client_id, cookie: await newSession() });
    const other = await register();
    const revoke = (clientId: string) =>
      inject({
        method: 'POST',
        url: pathOf(metadata.revocation_endpoint ?? ''),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ token: access_token, client_id: clientId }).toString(),
      });

    // Another client may not revoke it (and learns nothing: the same 200).
    expect((await revoke(other.client_id)).statusCode).toBe(200);
    expect(await actsAs(access_token)).toBe(userId);

    const revoked = await revoke(client_id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await actsAs(access_token)).toBe('INVALID_TOKEN');
    const refused = await initializeMcp(access_token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token", resource_metadata="/);
  });

  it('ends an access token when the session that authorized it signs out', async () => {
    const { client_id } = await register();
    const cookie = await newSession();
    const { access_token = '' } = await authorize({ clientId: client_id, cookie });
    expect(await actsAs(access_token)).toBe(userId);
    const out = await inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(cookiesFrom(out)).toContain('session_token=');
    expect(await actsAs(access_token)).toBe('INVALID_TOKEN');
  });

  it('answers a 401 at /mcp without credentials with no error code (RFC 6750 §3.1)', async () => {
    const response = await inject({
      method: 'POST',
      url: '/mcp',
      headers: { accept: 'application/json, text/event-stream', 'content-type': 'application/json' },
      payload: { jsonrpc: '2.0', id: 1, method: 'ping' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).not.toContain('error=');
    expect((await initializeMcp('not-a-token')).headers['www-authenticate']).toContain(
      'error="invalid_token"',
    );
  });
});
