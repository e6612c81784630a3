import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/table.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A JSON value as stored: never JSON null at the top (a missing value is a tombstone). */
export type StoredJson = string | number | boolean | StoredJson[] | { [key: string]: unknown };

/**
 * Context spaces: shared, versioned notes. A run's own space names its run (`run_kind`, `run_id`),
 * made the first time a step of the run writes.
 */
export const contextSpaces = pgTable(
  'context_spaces',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    runKind: text('run_kind', { enum: ['workflow_run', 'team_run'] }),
    runId: text('run_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    index('context_spaces_owner_idx').on(table.ownerId, table.id),
    uniqueIndex('context_spaces_run_idx').on(table.runKind, table.runId),
  ],
);

/**
 * Who besides the owner may use a space, and how. Members are users today; `member_kind` leaves
 * room for agents and teams (their ids are not users', so there is no foreign key on member_id).
 */
export const contextMembers = pgTable(
  'context_members',
  {
    spaceId: text('space_id')
      .notNull()
      .references(() => contextSpaces.id, { onDelete: 'cascade' }),
    memberKind: text('member_kind', { enum: ['user', 'agent', 'team'] }).notNull(),
    memberId: text('member_id').notNull(),
    role: text('role', { enum: ['read', 'write', 'admin'] }).notNull(),
    addedAt: at('added_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.memberKind, table.memberId] }),
    index('context_members_member_idx').on(table.memberKind, table.memberId),
  ],
);

/** Each entry's current version. `value` is null for a tombstone (a deleted entry, until purged). */
export const contextEntries = pgTable(
  'context_entries',
  {
    spaceId: text('space_id')
      .notNull()
      .references(() => contextSpaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').$type<StoredJson>(),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.key] }),
    index('context_entries_tombstone_idx')
      .on(table.updatedAt)
      .where(sql`${table.value} is null`),
  ],
);

/** Every version of every entry: who wrote it, when, what it was, and the change from the one before. */
export const contextEntryVersions = pgTable(
  'context_entry_versions',
  {
    spaceId: text('space_id')
      .notNull()
      .references(() => contextSpaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').$type<StoredJson>(),
    change: text('change', { enum: ['set', 'patch', 'delete', 'restore'] }).notNull(),
    /** RFC 6902 operations from the previous version to this one. */
    diff: jsonb('diff').$type<unknown[]>().notNull(),
    authorId: text('author_id'),
    deleted: boolean('deleted').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.spaceId, table.key, table.version] })],
);

export type ContextSpaceRow = typeof contextSpaces.$inferSelect;
export type ContextMemberRow = typeof contextMembers.$inferSelect;
export type ContextEntryRow = typeof contextEntries.$inferSelect;
export type ContextEntryVersionRow = typeof contextEntryVersions.$inferSelect;
