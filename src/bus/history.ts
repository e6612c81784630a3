import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cursorPosition, type Page, pageFrom, pageSize } from '../db/cursor.js';
import type { Database } from '../db/database.js';
import type { AnyBusEvent } from './events.js';
import { patternToRegex } from './pattern.js';
import { rowToEvent } from './rows.js';
import { events } from './table.js';

export const eventHistoryQuerySchema = z.object({
  type: z
    .string()
    .min(1)
    .optional()
    .describe('An event type or pattern, e.g. task.* (every event when absent)'),
  actorId: z.string().min(1).optional().describe('Only events caused by this user'),
  since: z.coerce.date().optional().describe('Only events at or after this time (ISO 8601)'),
  until: z.coerce.date().optional().describe('Only events at or before this time (ISO 8601)'),
  text: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only events whose payload contains this text (any case)'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The nextCursor of the previous page'),
});

export type EventHistoryQuery = z.input<typeof eventHistoryQuerySchema>;

/** Stored events matching the query, newest first, a page at a time. */
export async function queryEventHistory(db: Database, query: EventHistoryQuery): Promise<Page<AnyBusEvent>> {
  const { type, actorId, since, until, text, limit, cursor } = eventHistoryQuerySchema.parse(query);
  const conditions: SQL[] = [];
  if (type) conditions.push(sql`${events.type} ~ ${patternToRegex(type)}`);
  if (actorId) conditions.push(eq(events.actorId, actorId));
  if (since) conditions.push(gte(events.at, since));
  if (until) conditions.push(lte(events.at, until));
  if (text) conditions.push(sql`${events.data}::text ilike ${`%${text.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (cursor) conditions.push(lt(events.id, cursorPosition(cursor)));

  const rows = await db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.id))
    .limit(limit + 1);
  return pageFrom(rows, limit, rowToEvent);
}
