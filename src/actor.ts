/** How a request reached us; recorded on every event and (later) every audit row. */
export type Surface = 'http' | 'mcp' | 'chat' | 'workflow' | 'cli' | 'system';

/**
 * Whoever a service call is done for. Every service method takes one first and checks it before
 * anything else. The identity module creates user actors; `systemActor` is for the server's own work.
 */
export type Actor =
  | {
      readonly type: 'user';
      readonly userId: string;
      readonly role: 'user' | 'admin';
      readonly scopes: readonly string[];
      readonly via: Surface;
    }
  | { readonly type: 'system'; readonly via: 'system' };

export const systemActor: Actor = { type: 'system', via: 'system' };

/** The user id an actor stands for, or null for the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.userId : null;
}
