/**
 * The events this module publishes (merged into the bus's `EventMap`). Each names the space's
 * owner (`owner_id`) and every user who may read it (`audience`), so the live feed reaches members.
 */
declare module '../../bus/events.js' {
  interface EventMap {
    'context.space.created': { space_id: string; owner_id: string; name: string; audience: string[] };
    'context.space.deleted': { space_id: string; owner_id: string; audience: string[] };
    'context.member.changed': {
      space_id: string;
      owner_id: string;
      member_kind: 'user' | 'agent' | 'team';
      member_id: string;
      /** The new role, or null when the member was removed. */
      role: 'read' | 'write' | 'admin' | null;
      audience: string[];
    };
    'context.entry.changed': {
      space_id: string;
      owner_id: string;
      key: string;
      version: number;
      change: 'set' | 'patch' | 'delete' | 'restore';
      deleted: boolean;
      audience: string[];
    };
  }
}

export {};
