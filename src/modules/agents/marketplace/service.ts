import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { users } from '../../identity/table.js';
import {
  InstallNotFoundError,
  ListingKindUnavailableError,
  ListingNotFoundError,
  OwnReviewError,
  ReviewNotFoundError,
} from './errors.js';
import {
  type Install,
  type InstallInput,
  installInputSchema,
  type ListingDetail,
  type ListingPage,
  type ListListingsQuery,
  listListingsQuerySchema,
  type ListReviewsQuery,
  listReviewsQuerySchema,
  type PublishInput,
  publishInputSchema,
  type Review,
  type ReviewPage,
  type WriteReviewInput,
  writeReviewInputSchema,
} from './schema.js';
import { installUnderFreeName, type ListingSource } from './sources.js';
import { type ListingKind, marketplaceInstalls, marketplaceListings, marketplaceReviews } from './tables.js';
import {
  listingColumns,
  type ListingRecord,
  toInstallView,
  toListingDetail,
  toListingView,
  toReviewView,
  withAuthor,
} from './views.js';
import type { FeatureGate } from '../../../features/index.js';
import './events.js';

export interface MarketplaceDeps extends ServiceDeps {
  /** Where each kind's listings come from and installs go (agents, workflows; teams when registered). */
  sources: ListingSource[];
  /** Publishing is refused (FEATURE_DISABLED) while an admin has it switched off; the rest works. */
  features: FeatureGate;
}

/**
 * The marketplace: every user of the instance sees every listing; only its author publishes a new
 * version or withdraws it; each user has one review per listing and their own installs.
 */
export function createMarketplaceService({ db, clock, ids, bus, sources, features }: MarketplaceDeps) {
  const sourceByKind = new Map<ListingKind, ListingSource>(sources.map((source) => [source.kind, source]));
  const sourceOf = (kind: ListingKind) => {
    const source = sourceByKind.get(kind);
    if (!source) throw new ListingKindUnavailableError(kind);
    return source;
  };

  async function loadListing(listingId: string): Promise<ListingRecord> {
    const [row] = await db
      .select(listingColumns)
      .from(marketplaceListings)
      .innerJoin(users, withAuthor)
      .where(eq(marketplaceListings.id, listingId));
    if (!row) throw new ListingNotFoundError(listingId);
    return row;
  }

  async function loadOwnInstall(userId: string, installId: string) {
    const [row] = await db
      .select({ install: marketplaceInstalls, latestVersion: marketplaceListings.version })
      .from(marketplaceInstalls)
      .leftJoin(marketplaceListings, eq(marketplaceListings.id, marketplaceInstalls.listingId))
      .where(and(eq(marketplaceInstalls.id, installId), eq(marketplaceInstalls.userId, userId)));
    if (!row) throw new InstallNotFoundError(installId);
    return row;
  }

  return {
    /** Registers the source of a kind built later (the teams module's). */
    addSource(source: ListingSource) {
      sourceByKind.set(source.kind, source);
    },

    /**
     * Publishes your agent, team or workflow: a new listing, or — published before — the listing
     * moved to the item's current version (installs of older versions are then offered the update).
     */
    async publish(actor: Actor, input: PublishInput): Promise<ListingDetail> {
      const user = requireUser(actor);
      await features.require('marketplace_publishing');
      const { kind, source_id } = publishInputSchema.parse(input);
      const item = await sourceOf(kind).readForPublishing(user, source_id);
      const now = clock.now();
      const fields = {
        name: item.name,
        description: item.description,
        capabilities: item.capabilities,
        version: item.version,
        document: item.document,
        updatedAt: now,
      };
      const [stored] = await db
        .insert(marketplaceListings)
        .values({
          id: `mkt_${ids()}`,
          kind,
          sourceId: item.sourceId,
          authorId: user.userId,
          publishedAt: now,
          ...fields,
        })
        .onConflictDoUpdate({ target: [marketplaceListings.kind, marketplaceListings.sourceId], set: fields })
        .returning({ id: marketplaceListings.id });
      if (!stored) throw new Error('The listing was not stored');
      await bus.publish(actor, 'marketplace.published', {
        listing_id: stored.id,
        owner_id: user.userId,
        kind,
        name: item.name,
        version: item.version,
      });
      return toListingDetail(await loadListing(stored.id), user.userId);
    },

    /** Every listing, newest first, searched by words in the name or description, a page at a time. */
    async list(actor: Actor, query: ListListingsQuery = {}): Promise<ListingPage> {
      const { userId } = requireUser(actor);
      const { q, kind, limit, cursor } = listListingsQuerySchema.parse(query);
      const conditions: SQL[] = [];
      if (kind) conditions.push(eq(marketplaceListings.kind, kind));
      if (q) conditions.push(sql`${marketplaceListings.search} @@ websearch_to_tsquery('simple', ${q})`);
      if (cursor) conditions.push(lt(marketplaceListings.id, cursorPosition(cursor)));
      const rows = await db
        .select(listingColumns)
        .from(marketplaceListings)
        .innerJoin(users, withAuthor)
        .where(and(...conditions))
        .orderBy(desc(marketplaceListings.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, (row) => toListingView(row, userId));
      return { items, next_cursor: nextCursor };
    },

    /** One listing with its published document. */
    async get(actor: Actor, listingId: string): Promise<ListingDetail> {
      const { userId } = requireUser(actor);
      return toListingDetail(await loadListing(listingId), userId);
    },

    /** Takes your listing out of the marketplace; installed copies stay their users' (no more updates). */
    async withdraw(actor: Actor, listingId: string): Promise<void> {
      const { userId } = requireUser(actor);
      const [removed] = await db
        .delete(marketplaceListings)
        .where(and(eq(marketplaceListings.id, listingId), eq(marketplaceListings.authorId, userId)))
        .returning({ id: marketplaceListings.id });
      if (!removed) throw new ListingNotFoundError(listingId);
      await bus.publish(actor, 'marketplace.withdrawn', { listing_id: listingId, owner_id: userId });
    },

    /** A listing's reviews, newest first. */
    async reviews(actor: Actor, listingId: string, query: ListReviewsQuery = {}): Promise<ReviewPage> {
      const { userId } = requireUser(actor);
      const { limit, cursor } = listReviewsQuerySchema.parse(query);
      await loadListing(listingId);
      const position = cursor ? cursorPosition(cursor) : undefined;
      const rows = await db
        .select({ review: marketplaceReviews, authorName: users.name })
        .from(marketplaceReviews)
        .innerJoin(users, eq(users.id, marketplaceReviews.userId))
        .where(
          and(
            eq(marketplaceReviews.listingId, listingId),
            position ? lt(marketplaceReviews.userId, position) : undefined,
          ),
        )
        .orderBy(desc(marketplaceReviews.userId))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(
        rows.map((row) => ({ id: row.review.userId, ...row })),
        limit,
        (row) => toReviewView({ ...row.review, authorName: row.authorName }, userId),
      );
      return { items, next_cursor: nextCursor };
    },

    /** Writes or rewrites your one review of a listing (not of your own). */
    async writeReview(actor: Actor, listingId: string, input: WriteReviewInput): Promise<Review> {
      const { userId } = requireUser(actor);
      const { rating, text } = writeReviewInputSchema.parse(input);
      const listing = await loadListing(listingId);
      if (listing.authorId === userId) throw new OwnReviewError();
      const now = clock.now();
      const values = { rating, text: text ?? null, updatedAt: now };
      const [row] = await db
        .insert(marketplaceReviews)
        .values({ listingId, userId, createdAt: now, ...values })
        .onConflictDoUpdate({
          target: [marketplaceReviews.listingId, marketplaceReviews.userId],
          set: values,
        })
        .returning();
      if (!row) throw new Error('The review was not stored');
      const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
      await bus.publish(actor, 'marketplace.reviewed', {
        listing_id: listingId,
        owner_id: listing.authorId,
        rating,
      });
      return toReviewView({ ...row, authorName: me?.name ?? '' }, userId);
    },

    /** Deletes your review of a listing. */
    async deleteReview(actor: Actor, listingId: string): Promise<void> {
      const { userId } = requireUser(actor);
      await loadListing(listingId);
      const removed = await db
        .delete(marketplaceReviews)
        .where(and(eq(marketplaceReviews.listingId, listingId), eq(marketplaceReviews.userId, userId)))
        .returning({ listingId: marketplaceReviews.listingId });
      if (removed.length === 0) throw new ReviewNotFoundError();
    },

    /** Copies a listing into your own agents (or workflows), private and yours to change. */
    async install(actor: Actor, listingId: string, input: InstallInput = {}): Promise<Install> {
      const user = requireUser(actor);
      const { name } = installInputSchema.parse(input);
      const listing = await loadListing(listingId);
      const target = await installUnderFreeName(sourceOf(listing.kind), user, listing.document, name);
      const now = clock.now();
      const [row] = await db
        .insert(marketplaceInstalls)
        .values({
          id: `inst_${ids()}`,
          listingId,
          userId: user.userId,
          kind: listing.kind,
          targetId: target.id,
          installedVersion: listing.version,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('The install was not stored');
      await db
        .update(marketplaceListings)
        .set({ installCount: sql`${marketplaceListings.installCount} + 1` })
        .where(eq(marketplaceListings.id, listingId));
      await bus.publish(actor, 'marketplace.installed', {
        listing_id: listingId,
        owner_id: user.userId,
        install_id: row.id,
        target_id: target.id,
      });
      return toInstallView(row, listing.version);
    },

    /** Your installs, newest first, each saying whether an update is available. */
    async installs(actor: Actor): Promise<Install[]> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select({ install: marketplaceInstalls, latestVersion: marketplaceListings.version })
        .from(marketplaceInstalls)
        .leftJoin(marketplaceListings, eq(marketplaceListings.id, marketplaceInstalls.listingId))
        .where(eq(marketplaceInstalls.userId, userId))
        .orderBy(desc(marketplaceInstalls.id))
        .limit(500);
      return rows.map((row) => toInstallView(row.install, row.latestVersion));
    },

    async getInstall(actor: Actor, installId: string): Promise<Install> {
      const { install, latestVersion } = await loadOwnInstall(requireUser(actor).userId, installId);
      return toInstallView(install, latestVersion);
    },

    /**
     * Applies the listing's newest version to your copy (a new version of it, keeping its name;
     * your own changes to the copy are replaced). Nothing happens when it is up to date.
     */
    async update(actor: Actor, installId: string): Promise<Install> {
      const user = requireUser(actor);
      const { install } = await loadOwnInstall(user.userId, installId);
      if (install.listingId === null) throw new ListingNotFoundError('(withdrawn)');
      const listing = await loadListing(install.listingId);
      if (listing.version <= install.installedVersion) return toInstallView(install, listing.version);
      await sourceOf(install.kind).update(user, install.targetId, listing.document);
      const [row] = await db
        .update(marketplaceInstalls)
        .set({ installedVersion: listing.version, updatedAt: clock.now() })
        .where(eq(marketplaceInstalls.id, install.id))
        .returning();
      await bus.publish(actor, 'marketplace.updated', {
        listing_id: listing.id,
        owner_id: user.userId,
        install_id: install.id,
        version: listing.version,
      });
      return toInstallView(row ?? install, listing.version);
    },
  };
}

export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
