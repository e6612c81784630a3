import { actingAs, type UserActor } from '../../../actor.js';
import { DomainError } from '../../../errors.js';
import type { UsersService } from '../../identity/index.js';

/** The run's user is deactivated (or gone): the run stops. */
export class AgentOwnerInactiveError extends DomainError {
  readonly code = 'AGENT_OWNER_INACTIVE';
  readonly kind = 'conflict';
  constructor() {
    super('The user this run acts for is deactivated');
  }
}

/** The user a run acts as, with their role, through the chat surface (a run is the chat loop). */
export async function runActor(users: Pick<UsersService, 'me'>, ownerId: string): Promise<UserActor> {
  const probe = actingAs({ userId: ownerId, role: 'user', via: 'chat' });
  const user = await users.me(probe).catch(() => undefined);
  if (!user?.active) throw new AgentOwnerInactiveError();
  return actingAs({ userId: ownerId, role: user.role, via: 'chat' });
}
