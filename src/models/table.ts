import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What an admin chose in the app: the default chat model and the list users may pick from. One
 * row (id `models`); absent until an admin saves, and then it wins over MODEL and MODELS.
 */
export const modelSettings = pgTable('model_settings', {
  id: text('id').primaryKey(),
  defaultModel: text('default_model').notNull(),
  allowedModels: text('allowed_models').array().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
