import { actingAs, type UserActor } from '../../../actor.js';
import type { UsersService } from '../../identity/index.js';

/** Who a trigger's run acts as: the workflow's owner, with their role, through `via: 'workflow'`. */
export type OwnerActors = (ownerId: string) => Promise<UserActor | undefined>;

/**
 * The owner as an actor, or undefined when their account is deactivated (or gone): a schedule,
 * event or webhook of a deactivated user starts nothing.
 */
export function ownerActors(users: Pick<UsersService, 'me'>): OwnerActors {
  return async (ownerId) => {
    const probe = actingAs({ userId: ownerId, role: 'user', via: 'workflow' });
    const user = await users.me(probe).catch(() => undefined);
    if (!user?.active) return undefined;
    return actingAs({ userId: ownerId, role: user.role, via: 'workflow' });
  };
}
