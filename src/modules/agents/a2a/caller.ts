import type { ServerCallContext, User } from '@a2a-js/sdk/server';
import type { UserActor } from '../../../actor.js';

/** The A2A SDK's user of a call: our actor (resolved from the bearer key or OAuth token) and the agent asked. */
export class A2aCaller implements User {
  constructor(
    readonly actor: UserActor,
    readonly agentId: string,
  ) {}
  get isAuthenticated(): boolean {
    return true;
  }
  get userName(): string {
    return this.actor.userId;
  }
}

/** The caller of an A2A call; every call our routes hand the SDK has one. */
export function callerOf(context: ServerCallContext): A2aCaller {
  const user = context.user;
  if (!(user instanceof A2aCaller)) throw new Error('An A2A call reached the agents without a caller');
  return user;
}
