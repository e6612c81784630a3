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

export {};
