import type { Actor, Scope, UserActor } from './actor.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/** The actor as a user, or UNAUTHENTICATED. The system actor passes as itself where allowed. */
export function requireUser(actor: Actor | null): UserActor {
  if (!actor || actor.type !== 'user') throw new UnauthenticatedError();
  return actor;
}

/** A user whose credential carries `scope`, or 403 MISSING_SCOPE. */
export function requireScope(actor: Actor | null, scope: Scope): UserActor {
  const user = requireUser(actor);
  if (!user.scopes.includes(scope)) {
    throw new ForbiddenError('MISSING_SCOPE', `This credential lacks the "${scope}" scope`);
  }
  return user;
}

/** The system, or an admin whose credential carries the `admin` scope; otherwise 401/403. */
export function requireAdmin(actor: Actor | null): Actor {
  if (actor?.type === 'system') return actor;
  const user = requireUser(actor);
  if (user.role !== 'admin') throw new ForbiddenError('ADMIN_ONLY', 'Only an admin may do this');
  return requireScope(user, 'admin');
}
