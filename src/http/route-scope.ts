import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import type { Scope, UserActor } from '../actor.js';
import { requireAdmin, requireScope, requireUser } from '../actor-policy.js';
import './request-context.js';

/**
 * What a route needs of its caller, declared once in its options (`config: { scope }`) and
 * checked by one hook before the body is read:
 * - a scope (`api:read`, `api:write`, `mcp`): a user whose credential carries it (401, or 403 MISSING_SCOPE);
 * - `admin`: an admin whose credential carries the admin scope (403 ADMIN_ONLY or MISSING_SCOPE);
 * - `user`: any signed-in user, whatever the credential's scopes (the service checks the rest);
 * - `public`: nobody needs to be signed in (sign-in, sign-up, setup, the OAuth endpoints);
 * - a function of the request, for a route whose scope depends on what it is asked (a tool's).
 */
export type RouteScope = Scope | 'user' | 'public' | ((request: FastifyRequest) => Scope);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; every route under the API prefixes declares one. */
    scope?: RouteScope;
  }
  interface FastifyRequest {
    /** The signed-in user the route's scope let through; throws UNAUTHENTICATED on a public route without one. */
    readonly user: UserActor;
  }
}

/** URL prefixes whose routes take credentials; each of their routes must declare a scope. */
export const apiPrefixes = ['/api/v1/', '/v1/', '/mcp', '/a2a/'] as const;

/** True when a route (its URL pattern) is one that must declare a scope. */
export function needsScope(url: string): boolean {
  return apiPrefixes.some((prefix) => url.startsWith(prefix));
}

/**
 * The one authorization check: after the actor is resolved (onRequest) and before the body is read,
 * each route's declared scope is checked against it, by a hook added to the routes that declare one
 * (a public route, a page or a probe pays nothing). A route under the API prefixes that declares
 * none is refused as a bug (500), so a forgotten scope never serves anyone; the route-scope test
 * names such a route before it ships.
 */
export function registerRouteScopes(app: FastifyInstance) {
  app.decorateRequest('user', {
    getter(this: FastifyRequest): UserActor {
      return requireUser(this.actor);
    },
  });
  app.addHook('onRoute', (route) => {
    const check = scopeCheck(route.url, route.config?.scope);
    if (check) route.preParsing = [check, ...[route.preParsing ?? []].flat()];
  });
}

/** The hook that checks `scope` on a route of `url`; none when everyone may call it. */
function scopeCheck(url: string, scope: RouteScope | undefined): preParsingHookHandler | undefined {
  if (scope === 'public' || (scope === undefined && !needsScope(url))) return undefined;
  return (request, _reply, _payload, done) => {
    try {
      if (scope === undefined) throw new Error(`The route ${url} declares no scope`);
      authorize(request, scope);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}

function authorize(request: FastifyRequest, scope: RouteScope) {
  if (scope === 'public') return;
  if (scope === 'user') return void requireUser(request.actor);
  if (scope === 'admin') return void requireAdmin(request.actor);
  if (typeof scope === 'function') return void requireScope(requireUser(request.actor), scope(request));
  requireScope(request.actor, scope);
}
