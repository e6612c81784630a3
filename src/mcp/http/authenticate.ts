import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../actor.js';

/** Who a request without credentials acts as (fixture mode only); unset, it gets 401. */
export type ActorWithoutCredentials = () => Promise<UserActor>;

/**
 * The /mcp route's onRequest hook: in fixture mode a request without credentials acts as the
 * fixture user. The route's `mcp` scope is then checked by the one scope hook
 * (src/http/route-scope.ts), as for any other actor: 401 without one, 403 without the scope.
 */
export function fixtureActorHook(actorWithoutCredentials?: ActorWithoutCredentials) {
  return async (request: FastifyRequest) => {
    if (!request.actor && actorWithoutCredentials) request.actor = await actorWithoutCredentials();
  };
}
