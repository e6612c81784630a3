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

export {};
