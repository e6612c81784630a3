/** The marketplace's events (merged into the bus's `EventMap`). `owner_id`: whose news it is. */
declare module '../../../bus/events.js' {
  interface EventMap {
    'marketplace.published': {
      listing_id: string;
      owner_id: string;
      kind: string;
      name: string;
      version: number;
    };
    'marketplace.withdrawn': { listing_id: string; owner_id: string };
    /** To the listing's author. */
    'marketplace.reviewed': { listing_id: string; owner_id: string; rating: number };
    'marketplace.installed': { listing_id: string; owner_id: string; install_id: string; target_id: string };
    'marketplace.updated': { listing_id: string; owner_id: string; install_id: string; version: number };
  }
}

export {};
