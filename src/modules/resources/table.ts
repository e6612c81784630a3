import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/tsvector.js';
import { users } from '../identity/table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // pg hands back a Buffer; a driver that gives a Uint8Array would be wrapped: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Documents: notes written in the app (`text`), uploaded files (`file`) and web pages (`url`).
 * `text` holds what search reads (the note, or the text extracted from the file or page);
 * `content` holds the file's own bytes when they are not plain text. The current version is
 * here; earlier ones are in resource_versions.
 */
export const resources = pgTable(
  'resources',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['text', 'file', 'url'] }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    mimeType: text('mime_type').notNull(),
    visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
    tags: text('tags').array().notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    /** The uploaded file's name, for `file`. */
    filename: text('filename'),
    /** Where a `url` resource is fetched from. */
    sourceUrl: text('source_url'),
    text: text('text').notNull(),
    content: bytea('content'),
    sizeBytes: integer('size_bytes').notNull(),
    version: integer('version').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '')), 'A') || setweight(to_tsvector('simple', left(text, 250000)), 'B')`,
    ),
  },
  (table) => [
    index('resources_owner_idx').on(table.ownerId, table.id),
    index('resources_visibility_idx').on(table.visibility, table.id),
    index('resources_search_idx').using('gin', table.search),
  ],
);

/** The earlier versions of each resource's content, immutable. */
export const resourceVersions = pgTable(
  'resource_versions',
  {
    id: text('id').primaryKey(),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    text: text('text').notNull(),
    content: bytea('content'),
    sizeBytes: integer('size_bytes').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('resource_versions_resource_version_idx').on(table.resourceId, table.version)],
);

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceVersionRow = typeof resourceVersions.$inferSelect;
