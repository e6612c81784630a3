/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    /** `shared`: the prompt is (or, for an update or delete, was) visible to everyone. */
    /** `ownerId` is null for prompts from PROMPTS_DIR. */
    'prompt.created': { promptId: string; ownerId: string | null; shared: boolean };
    'prompt.updated': { promptId: string; ownerId: string | null; version: number; shared: boolean };
    'prompt.deleted': { promptId: string; ownerId: string | null; shared: boolean };
  }
}

export {};
