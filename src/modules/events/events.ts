/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    /** Users' and agents' own events (POST /api/v1/events, publish_event): a JSON object of at most 64 KiB. */
    [type: `custom.${string}`]: Record<string, unknown>;
    'event_subscription.created': { subscription_id: string; owner_id: string; target_kind: string };
    'event_subscription.updated': { subscription_id: string; owner_id: string };
    'event_subscription.deleted': { subscription_id: string; owner_id: string };
  }
}

export {};
