/** The marketplace's wire shapes, imported type-only from the server's zod schemas, for the marketplace page. */
import type {
  Install,
  Listing,
  ListingDetail,
  ListingPage,
  Review,
  ReviewPage,
} from '@server/modules/agents/marketplace/schema';

export type { Install, Listing, ListingDetail, ListingPage, Review, ReviewPage };
export type ListingKind = Listing['kind'];
