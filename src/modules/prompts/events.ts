import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    /** `shared`: the prompt is (or, for an update or delete, was) visible to everyone. */
    /** `owner_id` is null for prompts from PROMPTS_DIR. */
    'prompt.created': { prompt_id: string; owner_id: string | null; shared: boolean };
    'prompt.updated': { prompt_id: string; owner_id: string | null; version: number; shared: boolean };
    'prompt.deleted': { prompt_id: string; owner_id: string | null; shared: boolean };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const promptEventSchemas = {
  'prompt.created': z.object({ prompt_id: id, owner_id: id.nullable(), shared: z.boolean() }),
  'prompt.updated': z.object({
    prompt_id: id,
    owner_id: id.nullable(),
    version: z.number().int(),
    shared: z.boolean(),
  }),
  'prompt.deleted': z.object({ prompt_id: id, owner_id: id.nullable(), shared: z.boolean() }),
};
