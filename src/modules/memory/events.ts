import { z } from 'zod';

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'memory.created': { memory_id: string; owner_id: string; scope: string; scope_id: string };
    'memory.updated': { memory_id: string; owner_id: string; changes: string[] };
    'memory.archived': { memory_id: string; owner_id: string };
    'memory.unarchived': { memory_id: string; owner_id: string };
    'memory.deleted': { memory_id: string; owner_id: string };
    /** Memories made at once from a user's export file (one event, not one memory.created each). */
    'memory.imported': { owner_id: string; count: number };
  }
}

const id = z.string();

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const memoryEventSchemas = {
  'memory.created': z.object({ memory_id: id, owner_id: id, scope: z.string(), scope_id: id }),
  'memory.updated': z.object({ memory_id: id, owner_id: id, changes: z.array(z.string()) }),
  'memory.archived': z.object({ memory_id: id, owner_id: id }),
  'memory.unarchived': z.object({ memory_id: id, owner_id: id }),
  'memory.deleted': z.object({ memory_id: id, owner_id: id }),
  'memory.imported': z.object({ owner_id: id, count: z.number().int() }),
};
