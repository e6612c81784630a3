import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The features an admin switched on or off in the app, one row per feature; a feature without a
 * row follows the config (FEATURES_DISABLED).
 */
export const featureFlags = pgTable('feature_flags', {
  name: text('name').primaryKey(),
  enabled: boolean('enabled').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
