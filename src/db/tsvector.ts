import { customType } from 'drizzle-orm/pg-core';

/** A Postgres `tsvector` column (full-text search), which Drizzle has no type for. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
