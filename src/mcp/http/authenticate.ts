import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../actor.js';
import { UnauthenticatedError } from '../../errors.js';
import { requireScope } from '../../actor-policy.js';

/** Who a request without credentials acts as (fixture mode only); unset, it gets 401. */
export type ActorWithoutCredentials = () => Promise<UserActor>;

/**
 * The user an /mcp request acts as: the one its credentials resolved to, which must carry the
 * `mcp` scope (403 otherwise), or the fixture user when there is one; else 401.
 */
export async function mcpActor(
  request: FastifyRequest,
  actorWithoutCredentials?: ActorWithoutCredentials,
): Promise<UserActor> {
  const actor = request.actor ? requireScope(request.actor, 'mcp') : await actorWithoutCredentials?.();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
