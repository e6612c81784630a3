import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../../db/tsvector.js';
import { users } from '../../identity/table.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** What a listing offers: an agent, a team of agents (agents-coop's teams), or a workflow. */
export type ListingKind = 'agent' | 'team' | 'workflow';

/** A capability as the listing shows it (an agent's; a team's or a workflow's may be empty). */
export interface ListingCapability {
  name: string;
  description: string;
}

/**
 * The marketplace: what authors published for every user of the instance. A listing holds a copy
 * of the published version's document, so installing reads the listing, never the author's live
 * agent (which the author may be editing). Publishing again moves the listing to the source's
 * current version; installs of an older one then see `update_available`.
 */
export const marketplaceListings = pgTable(
  'marketplace_listings',
  {
    /** `mkt_<uuidv7>`. */
    id: text('id').primaryKey(),
    kind: text('kind').$type<ListingKind>().notNull(),
    /** The author's agent, team or workflow it was published from. */
    sourceId: text('source_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    capabilities: jsonb('capabilities').$type<ListingCapability[]>().notNull(),
    /** The source's version this listing offers. */
    version: integer('version').notNull(),
    /** The published definition, as installing copies it. */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    installCount: integer('install_count').notNull().default(0),
    publishedAt: at('published_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (table) => [
    uniqueIndex('marketplace_listings_source_idx').on(table.kind, table.sourceId),
    index('marketplace_listings_search_idx').using('gin', table.search),
  ],
);

export type ListingRow = typeof marketplaceListings.$inferSelect;

/** One review per user and listing, editable and deletable by its writer. */
export const marketplaceReviews = pgTable(
  'marketplace_reviews',
  {
    listingId: text('listing_id')
      .notNull()
      .references(() => marketplaceListings.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    text: text('text'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.listingId, table.userId] }),
    check('marketplace_reviews_rating_check', sql`${table.rating} between 1 and 5`),
  ],
);

export type ReviewRow = typeof marketplaceReviews.$inferSelect;

/**
 * A user's installed copy of a listing: the agent (or workflow) it made, and the listing version it
 * holds, so a newer published version is offered as an update (never applied unasked).
 */
export const marketplaceInstalls = pgTable(
  'marketplace_installs',
  {
    /** `inst_<uuidv7>`. */
    id: text('id').primaryKey(),
    /** Null once the listing is withdrawn: the copy stays the user's. */
    listingId: text('listing_id').references(() => marketplaceListings.id, { onDelete: 'set null' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ListingKind>().notNull(),
    /** The user's own agent, team or workflow the install made. */
    targetId: text('target_id').notNull(),
    installedVersion: integer('installed_version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    index('marketplace_installs_user_idx').on(table.userId, table.id),
    index('marketplace_installs_listing_idx').on(table.listingId),
  ],
);

export type InstallRow = typeof marketplaceInstalls.$inferSelect;
