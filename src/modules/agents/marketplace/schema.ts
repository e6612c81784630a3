import { z } from 'zod';
import { pageSize } from '../../../db/page-size.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');
const listingKind = z.enum(['agent', 'team', 'workflow']);
const id = z.string().min(1).max(200);

export const listingIdParams = z.object({ id: id.describe('The listing id (mkt_…)') });
export const installIdParams = z.object({ id: id.describe('The install id (inst_…)') });

export const listingSchema = z
  .object({
    id: z.string(),
    kind: listingKind,
    name: z.string(),
    description: z.string(),
    capabilities: z.array(z.object({ name: z.string(), description: z.string() })),
    author: z.object({ name: z.string().describe('The author’s display name') }),
    version: z.number().int().describe('The version this listing offers'),
    install_count: z.number().int(),
    rating: z
      .object({
        average: z.number().nullable().describe('1–5, null before the first review'),
        count: z.number().int(),
      })
      .describe('From the reviews'),
    is_author: z.boolean().describe('True when you published it'),
    published_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'MarketplaceListing' });
export type Listing = z.infer<typeof listingSchema>;

export const listingDetailSchema = listingSchema
  .extend({ document: z.record(z.string(), z.unknown()).describe('The published definition, as installed') })
  .meta({ id: 'MarketplaceListingDetail' });
export type ListingDetail = z.infer<typeof listingDetailSchema>;

export const listingPageSchema = z.object({
  items: z.array(listingSchema),
  next_cursor: z.string().nullable(),
});
export type ListingPage = z.infer<typeof listingPageSchema>;

export const listListingsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Words in the name or description'),
  kind: listingKind.optional(),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().max(500).optional().describe('The next_cursor of the previous page'),
});
export type ListListingsQuery = z.input<typeof listListingsQuerySchema>;

export const publishInputSchema = z.object({
  kind: listingKind.default('agent'),
  source_id: id.describe('Your agent, team or workflow (id or name) to publish'),
});
export type PublishInput = z.input<typeof publishInputSchema>;

export const reviewSchema = z
  .object({
    listing_id: z.string(),
    author: z.object({ name: z.string() }).describe('Who wrote it (display name)'),
    rating: z.number().int().min(1).max(5),
    text: z.string().nullable(),
    is_mine: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'MarketplaceReview' });
export type Review = z.infer<typeof reviewSchema>;

export const reviewPageSchema = z.object({
  items: z.array(reviewSchema),
  next_cursor: z.string().nullable(),
});
export type ReviewPage = z.infer<typeof reviewPageSchema>;

export const listReviewsQuerySchema = z.object({
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().max(500).optional(),
});
export type ListReviewsQuery = z.input<typeof listReviewsQuerySchema>;

export const writeReviewInputSchema = z.object({
  rating: z.number().int().min(1).max(5).describe('1 (poor) to 5 (excellent)'),
  text: z.string().trim().max(5_000).nullable().optional().describe('What you found; optional'),
});
export type WriteReviewInput = z.input<typeof writeReviewInputSchema>;

export const installInputSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The name of your copy; by default the listing’s, made free (name-2 …) if you have one'),
});
export type InstallInput = z.input<typeof installInputSchema>;

export const installSchema = z
  .object({
    id: z.string(),
    listing_id: z.string().nullable().describe('Null when the listing was withdrawn'),
    kind: listingKind,
    target_id: z.string().describe('Your agent, team or workflow the install made'),
    installed_version: z.number().int(),
    latest_version: z.number().int().nullable(),
    update_available: z.boolean().describe('The author published a newer version; POST …/update applies it'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'MarketplaceInstall' });
export type Install = z.infer<typeof installSchema>;

export const installListSchema = z.object({ items: z.array(installSchema) });
