/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'memory.created': { memory_id: string; owner_id: string; scope: string; scope_id: string };
    'memory.updated': { memory_id: string; owner_id: string; changes: string[] };
    'memory.archived': { memory_id: string; owner_id: string };
    'memory.unarchived': { memory_id: string; owner_id: string };
    'memory.deleted': { memory_id: string; owner_id: string };
  }
}

export {};
