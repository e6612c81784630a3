/** How a request reached us; recorded on every event and audit entry. */
export type Surface = 'http' | 'mcp' | 'chat' | 'workflow' | 'cli' | 'system';

/** What a user's request may do. A signed-in browser session has every scope its role allows. */
export const scopes = ['api:read', 'api:write', 'mcp', 'admin'] as const;
export type Scope = (typeof scopes)[number];

/** How a user proved who they are. */
export type Credential =
  | { readonly kind: 'session'; readonly id: string }
  | { readonly kind: 'api_key'; readonly id: string }
  | { readonly kind: 'oauth'; readonly id: string }
  | { readonly kind: 'cli' };

export interface UserActor {
  readonly type: 'user';
  readonly userId: string;
  readonly role: 'user' | 'admin';
  readonly scopes: readonly Scope[];
  readonly via: Surface;
  readonly credential: Credential;
}

/**
 * Whoever a service call is done for. Every service method takes one first and checks it before
 * anything else. The identity module resolves user actors; `systemActor` is the server's own work.
 */
export type Actor = UserActor | { readonly type: 'system'; readonly via: 'system' };

export const systemActor: Actor = { type: 'system', via: 'system' };

/** The user id an actor stands for, or null for the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.userId : null;
}

/** The scopes a role grants to a session that is not limited by a key or token. */
export function scopesForRole(role: 'user' | 'admin'): Scope[] {
  return role === 'admin' ? [...scopes] : ['api:read', 'api:write', 'mcp'];
}

/** A user acting with everything their role allows, as the CLI does when it acts for someone. */
export function actingAs({
  userId,
  role,
  via = 'cli',
}: {
  userId: string;
  role: 'user' | 'admin';
  via?: Surface;
}): UserActor {
  return { type: 'user', userId, role, scopes: scopesForRole(role), via, credential: { kind: 'cli' } };
}
