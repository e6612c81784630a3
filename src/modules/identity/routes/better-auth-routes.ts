import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { webHeaders } from '../../../http/request-context.js';
import type { AuthHandle } from '../auth-handle.js';
import type { AccessTokenVerifier } from '../service/access-tokens.js';
import type { AuditService } from '../service/audit.js';
import { formField, registrationWithLoopbackAsNative, requestingClient } from './oauth-requests.js';

/**
 * The Better Auth endpoints we serve as they are: the OAuth 2.1 authorization server for MCP
 * clients (dynamic registration, authorize, consent, token, introspect, revoke, userinfo), the
 * signing keys (JWKS), and password change. Everything else under /api/v1/auth is ours or absent;
 * in particular Better Auth's admin endpoints are never reachable.
 */
const servedPaths = [
  /^\/oauth2\/(register|authorize|consent|continue|token|introspect|revoke|userinfo|end-session|public-client)$/,
  /^\/jwks$/,
  /^\/change-password$/,
];

export function registerBetterAuthRoutes(
  app: FastifyInstance,
  {
    auth,
    audit,
    accessTokens,
    basePath,
  }: { auth: AuthHandle; audit: AuditService; accessTokens: AccessTokenVerifier; basePath: string },
) {
  /**
   * Better Auth authenticated the client and found the token to be one of our JWT access tokens,
   * which it cannot revoke (it answers `unsupported_token_type`): we can, so we do, and answer as
   * RFC 7009 says (200, whatever became of the token).
   */
  const revokesJwt = async (request: FastifyRequest, response: Response): Promise<boolean> => {
    if (response.status !== 400) return false;
    const answer = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: string };
    if (answer.error !== 'unsupported_token_type') return false;
    const token = formField(request.body, 'token');
    const clientId = requestingClient(request.headers.authorization, request.body);
    if (token && clientId) await accessTokens.revoke({ token, clientId });
    return true;
  };

  /** Hands the request to Better Auth as `path` (relative to basePath) and copies its answer back. */
  const forward = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
    if (!servedPaths.some((pattern) => pattern.test(path))) return reply.callNotFound();
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const url = new URL(`${basePath}${path}${query}`, `${request.protocol}://${request.host}`);
    const body = path === '/oauth2/register' ? registrationWithLoopbackAsNative(request.body) : request.body;
    const response = await (await auth.get()).handler(toFetchRequest(request, url, body));
    if (path === '/oauth2/revoke' && (await revokesJwt(request, response)))
      return reply.status(200).header('cache-control', 'no-store').send();
    if (path === '/change-password' && request.actor) {
      // A password change is a security event: in the audit log whether it worked or not.
      await audit.record(request.actor, {
        action: 'password.change',
        status: response.ok ? 'success' : 'failure',
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
    }
    reply.status(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    return reply.send(Buffer.from(await response.arrayBuffer()));
  };

  app.route({
    method: ['GET', 'POST'],
    url: `${basePath}/*`,
    config: { scope: 'public' }, // Better Auth checks its own sessions, clients and tokens
    schema: { hide: true },
    handler: (request, reply) => forward(request, reply, `/${(request.params as { '*': string })['*']}`),
  });

  // OAuth clients post forms; Better Auth reads them itself, so the body passes through as text.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );

  // Discovery (RFC 8414, OpenID): at the root, where MCP clients look first, and at the issuer's path.
  const serverMetadata = async () => (await auth.get()).api.getOAuthServerConfig();
  const openIdMetadata = async () => (await auth.get()).api.getOpenIdConfig();
  for (const url of [
    '/.well-known/oauth-authorization-server',
    `/.well-known/oauth-authorization-server${basePath}`,
  ]) {
    app.get(url, { schema: { hide: true } }, serverMetadata);
  }
  for (const url of ['/.well-known/openid-configuration', `${basePath}/.well-known/openid-configuration`]) {
    app.get(url, { config: { scope: 'public' }, schema: { hide: true } }, openIdMetadata);
  }
}

function toFetchRequest(request: FastifyRequest, url: URL, requestBody: unknown): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && requestBody !== undefined;
  const body = !hasBody
    ? undefined
    : typeof requestBody === 'string'
      ? requestBody
      : JSON.stringify(requestBody);
  const headers = webHeaders(request);
  headers.delete('content-length'); // the body may have been re-serialized
  return new Request(url, { method: request.method, headers, body });
}
