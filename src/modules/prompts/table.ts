import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../identity/table.js';
import type { PromptArgument } from './schema.js';

/** Prompt templates. The content of the current version is copied here; every version is in prompt_versions. */
export const prompts = pgTable(
  'prompts',
  {
    id: text('id').primaryKey(),
    /** Null for prompts from PROMPTS_DIR, which belong to the instance. */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** `library`: made in the app; `file`: loaded from PROMPTS_DIR, read-only here. */
    source: text('source', { enum: ['library', 'file'] })
      .notNull()
      .default('library'),
    name: text('name').notNull(),
    title: text('title'),
    description: text('description'),
    template: text('template').notNull(),
    arguments: jsonb('arguments').$type<PromptArgument[]>().notNull(),
    tags: text('tags').array().notNull(),
    visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
    version: integer('version').notNull(),
    useCount: integer('use_count').notNull(),
    /** Recently used argument values, by user and argument name, for completion (each user sees their own). */
    recentValues: jsonb('recent_values').$type<Record<string, Record<string, string[]>>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('prompts_owner_name_idx').on(table.ownerId, table.name),
    // File prompts have no owner, so the index above does not keep their names apart.
    uniqueIndex('prompts_file_name_idx')
      .on(table.name)
      .where(sql`${table.source} = 'file'`),
    index('prompts_visibility_idx').on(table.visibility, table.id),
  ],
);

/** Every saved version of a prompt, immutable. */
export const promptVersions = pgTable(
  'prompt_versions',
  {
    id: text('id').primaryKey(),
    promptId: text('prompt_id')
      .notNull()
      .references(() => prompts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title'),
    description: text('description'),
    template: text('template').notNull(),
    arguments: jsonb('arguments').$type<PromptArgument[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('prompt_versions_prompt_version_idx').on(table.promptId, table.version)],
);

export type PromptRow = typeof prompts.$inferSelect;
