import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'resource.created': { resource_id: string; owner_id: string; shared: boolean };
    /** `was_shared`: whether everyone could see it before the change (who must hear it is gone). */
    'resource.updated': {
      resource_id: string;
      owner_id: string;
      shared: boolean;
      was_shared: boolean;
      changes: string[];
    };
    'resource.deleted': { resource_id: string; owner_id: string; shared: boolean };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const resourceEventSchemas = {
  'resource.created': z.object({ resource_id: id, owner_id: id, shared: z.boolean() }),
  'resource.updated': z.object({
    resource_id: id,
    owner_id: id,
    shared: z.boolean(),
    was_shared: z.boolean(),
    changes: z.array(z.string()),
  }),
  'resource.deleted': z.object({ resource_id: id, owner_id: id, shared: z.boolean() }),
};
