import { eq, sql } from 'drizzle-orm';
import { users } from '../../identity/table.js';
import type { Install, Listing, ListingDetail, Review } from './schema.js';
import {
  type InstallRow,
  type ListingRow,
  marketplaceInstalls,
  marketplaceListings,
  marketplaceReviews,
  type ReviewRow,
} from './tables.js';

/** A listing's columns for its view: itself (but its search vector), its author's name and its rating. */
export const listingColumns = {
  id: marketplaceListings.id,
  kind: marketplaceListings.kind,
  sourceId: marketplaceListings.sourceId,
  authorId: marketplaceListings.authorId,
  name: marketplaceListings.name,
  description: marketplaceListings.description,
  capabilities: marketplaceListings.capabilities,
  version: marketplaceListings.version,
  document: marketplaceListings.document,
  installCount: marketplaceListings.installCount,
  publishedAt: marketplaceListings.publishedAt,
  updatedAt: marketplaceListings.updatedAt,
  authorName: users.name,
  ratingAverage: sql<
    number | null
  >`(select avg(${marketplaceReviews.rating})::float8 from ${marketplaceReviews} where ${marketplaceReviews.listingId} = ${marketplaceListings.id})`,
  ratingCount: sql<number>`(select count(*)::int from ${marketplaceReviews} where ${marketplaceReviews.listingId} = ${marketplaceListings.id})`,
};

/** The author's display name comes with every listing (never the email). */
export const withAuthor = eq(users.id, marketplaceListings.authorId);

export type ListingRecord = Omit<ListingRow, 'search'> & {
  authorName: string;
  ratingAverage: number | null;
  ratingCount: number;
};

export function toListingView(row: ListingRecord, userId: string): Listing {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    capabilities: row.capabilities.map(({ name, description }) => ({ name, description })),
    author: { name: row.authorName },
    version: row.version,
    install_count: row.installCount,
    rating: {
      average: row.ratingAverage === null ? null : Math.round(row.ratingAverage * 100) / 100,
      count: row.ratingCount,
    },
    is_author: row.authorId === userId,
    published_at: row.publishedAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toListingDetail(row: ListingRecord, userId: string): ListingDetail {
  return { ...toListingView(row, userId), document: row.document };
}

export function toReviewView(row: ReviewRow & { authorName: string }, userId: string): Review {
  return {
    listing_id: row.listingId,
    author: { name: row.authorName },
    rating: row.rating,
    text: row.text,
    is_mine: row.userId === userId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toInstallView(row: InstallRow, latestVersion: number | null): Install {
  return {
    id: row.id,
    listing_id: row.listingId,
    kind: row.kind,
    target_id: row.targetId,
    installed_version: row.installedVersion,
    latest_version: latestVersion,
    update_available: latestVersion !== null && latestVersion > row.installedVersion,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const installColumns = {
  install: marketplaceInstalls,
  latestVersion: marketplaceListings.version,
};
