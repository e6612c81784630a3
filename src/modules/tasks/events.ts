import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    /** With its title and tags, so a workflow's event trigger can filter on them (`"review" in event.data.tags`). */
    'task.created': { task_id: string; owner_id: string; title: string; tags: string[] };
    'task.updated': { task_id: string; owner_id: string; changes: string[]; title: string; tags: string[] };
    'task.completed': { task_id: string; owner_id: string };
    'task.deleted': { task_id: string; owner_id: string };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const taskEventSchemas = {
  'task.created': z.object({ task_id: id, owner_id: id, title: z.string(), tags: z.array(z.string()) }),
  'task.updated': z.object({
    task_id: id,
    owner_id: id,
    changes: z.array(z.string()),
    title: z.string(),
    tags: z.array(z.string()),
  }),
  'task.completed': z.object({ task_id: id, owner_id: id }),
  'task.deleted': z.object({ task_id: id, owner_id: id }),
};
