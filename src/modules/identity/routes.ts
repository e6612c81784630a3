import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { webHeaders } from '../../http/request-context.js';
import { authBasePath } from './auth-base-path.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerBetterAuthRoutes } from './routes/better-auth-routes.js';
import { registerMeRoutes } from './routes/me-routes.js';
import { registerSetupRoutes } from './routes/setup-routes.js';
import type { IdentityServices } from './service.js';

const surfaceOf = (request: FastifyRequest) => (request.url.startsWith('/mcp') ? 'mcp' : 'http');

/** Paths whose requests carry credentials worth resolving. */
const authenticatedPrefixes = ['/api/v1/', '/mcp', '/v1/', '/a2a/'];
/** OAuth protocol endpoints authenticate clients themselves (Basic auth, client secrets, their own tokens). */
const oauthProtocolPrefixes = [`${authBasePath}/oauth2/`, `${authBasePath}/jwks`];

/**
 * Resolves every API request's actor (cookie, API key or OAuth token) before its route runs, and
 * registers the identity routes.
 */
export function registerIdentity(app: FastifyInstance, services: IdentityServices) {
  app.decorateRequest('actor', null);
  // `done` rather than a promise: most requests (pages, files, probes) have no actor to resolve.
  app.addHook('onRequest', (request, reply, done) => {
    const needsActor =
      authenticatedPrefixes.some((prefix) => request.url.startsWith(prefix)) &&
      !oauthProtocolPrefixes.some((prefix) => request.url.startsWith(prefix));
    if (!needsActor) return done();
    // A busy client's remembered API key is resolved at once; anything else through the promises below.
    const remembered = services.rememberedKeyActor(request.headers.authorization, surfaceOf(request));
    if (remembered) {
      request.actor = remembered;
      return done();
    }
    resolveActorOf(request, reply).then(() => done(), done);
  });

  async function resolveActorOf(request: FastifyRequest, reply: FastifyReply) {
    const { actor, setCookies } = await services.resolveActor({
      // A bearer credential is all the resolver reads when there is one; copying every header into
      // a web Headers object is for the cookie session (Better Auth reads them).
      headers: request.headers.authorization
        ? new Headers({ authorization: request.headers.authorization })
        : webHeaders(request),
      surface: surfaceOf(request),
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    request.actor = actor;
    if (setCookies.length > 0) reply.header('set-cookie', setCookies);
  }

  registerAuthRoutes(app, services);
  registerMeRoutes(app, services);
  registerAdminRoutes(app, services);
  registerSetupRoutes(app, services);
  registerBetterAuthRoutes(app, {
    auth: services.auth,
    audit: services.audit,
    accessTokens: services.accessTokens,
    basePath: authBasePath,
  });
}
