/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'resource.created': { resourceId: string; ownerId: string; shared: boolean };
    /** `wasShared`: whether everyone could see it before the change (who must hear it is gone). */
    'resource.updated': {
      resourceId: string;
      ownerId: string;
      shared: boolean;
      wasShared: boolean;
      changes: string[];
    };
    'resource.deleted': { resourceId: string; ownerId: string; shared: boolean };
  }
}

export {};
