import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { systemActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';

export const testPassword = 'correct horse battery';

/** Creates an account directly through the service (as the CLI does). */
export function seedUser(
  app: App,
  {
    email,
    role = 'user',
    name = email.split('@')[0] ?? 'someone',
  }: { email: string; role?: 'user' | 'admin'; name?: string },
) {
  return app.identity.users.create(systemActor, { email, password: testPassword, name, role });
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(app: App, email: string, password = testPassword): Promise<string> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in/email',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return cookiesFrom(response);
}

/** Creates an API key for the signed-in user and returns it. */
export async function createApiKey(
  app: App,
  cookie: string,
  scopes: string[] = ['api:read', 'api:write', 'mcp'],
) {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/me/api-keys',
    headers: { cookie },
    payload: { name: 'test key', scopes },
  });
  if (response.statusCode !== 201)
    throw new Error(`key creation failed: ${response.statusCode} ${response.body}`);
  return response.json() as { api_key: { id: string }; key: string };
}

/** A request as someone: a cookie, a bearer key, or nobody. */
export function as(app: App, credential: { cookie?: string; key?: string }) {
  return (options: InjectOptions) =>
    app.http.inject({
      ...options,
      headers: {
        ...options.headers,
        ...(credential.cookie ? { cookie: credential.cookie } : {}),
        ...(credential.key ? { authorization: `Bearer ${credential.key}` } : {}),
      },
    });
}
