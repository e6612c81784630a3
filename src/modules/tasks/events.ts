/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'task.created': { task_id: string; owner_id: string };
    'task.updated': { task_id: string; owner_id: string; changes: string[] };
    'task.completed': { task_id: string; owner_id: string };
    'task.deleted': { task_id: string; owner_id: string };
  }
}

export {};
