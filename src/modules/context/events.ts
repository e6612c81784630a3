import { z } from 'zod';

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

const id = z.string();
const audience = z.array(z.string());

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const contextEventSchemas = {
  'context.space.created': z.object({ space_id: id, owner_id: id, name: z.string(), audience }),
  'context.space.deleted': z.object({ space_id: id, owner_id: id, audience }),
  'context.member.changed': z.object({
    space_id: id,
    owner_id: id,
    member_kind: z.enum(['user', 'agent', 'team']),
    member_id: id,
    role: z.enum(['read', 'write', 'admin']).nullable(),
    audience,
  }),
  'context.entry.changed': z.object({
    space_id: id,
    owner_id: id,
    key: z.string(),
    version: z.number().int(),
    change: z.enum(['set', 'patch', 'delete', 'restore']),
    deleted: z.boolean(),
    audience,
  }),
};
