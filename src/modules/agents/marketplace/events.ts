import { z } from 'zod';

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

const id = z.string();

/** The payload schemas of the marketplace's events, for GET /api/v1/events/types. */
export const marketplaceEventSchemas = {
  'marketplace.published': z.object({
    listing_id: id,
    owner_id: id,
    kind: z.string(),
    name: z.string(),
    version: z.number().int(),
  }),
  'marketplace.withdrawn': z.object({ listing_id: id, owner_id: id }),
  'marketplace.reviewed': z.object({ listing_id: id, owner_id: id, rating: z.number().int() }),
  'marketplace.installed': z.object({ listing_id: id, owner_id: id, install_id: id, target_id: id }),
  'marketplace.updated': z.object({
    listing_id: id,
    owner_id: id,
    install_id: id,
    version: z.number().int(),
  }),
};
