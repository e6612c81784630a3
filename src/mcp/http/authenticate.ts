import type { onRequestHookHandler } from 'fastify';
import type { UserActor } from '../../actor.js';

/** Who a request without credentials acts as (fixture mode only); unset, it gets 401. */
export type ActorWithoutCredentials = () => Promise<UserActor>;

/**
 * The /mcp route's onRequest hooks: in fixture mode a request without credentials acts as the
 * fixture user; otherwise none. The route's `mcp` scope is then checked by the one scope hook
 * (src/http/route-scope.ts), as for any other actor: 401 without one, 403 without the scope.
 * A callback, not an async function: a request with credentials passes without a promise.
 */
export function fixtureActorHooks(actorWithoutCredentials?: ActorWithoutCredentials): onRequestHookHandler[] {
  if (!actorWithoutCredentials) return [];
  return [
    (request, _reply, done) => {
      if (request.actor) return done();
      actorWithoutCredentials().then((actor) => {
        request.actor = actor;
        done();
      }, done);
    },
  ];
}
