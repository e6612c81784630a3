/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'task.created': { taskId: string; ownerId: string };
    'task.updated': { taskId: string; ownerId: string; changes: string[] };
    'task.completed': { taskId: string; ownerId: string };
    'task.deleted': { taskId: string; ownerId: string };
  }
}

export {};
