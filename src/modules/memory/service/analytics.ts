import { and, desc, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { type AnalyticsInput, analyticsInputSchema, type MemoryAnalytics } from '../schema.js';
import { memories, memoryRecalls } from '../table.js';
import { inScope, memoryColumns, scopeKeyOf, toMemory } from './memory-record.js';

const count = sql<number>`count(*)`.mapWith(Number);
const dayMs = 24 * 60 * 60 * 1000;

/**
 * A scope's memory figures for the web app: how many are active and archived, how many were
 * written each day of the period, the most recalled, and how often recall found something.
 */
export async function memoryAnalytics(
  { db, clock }: { db: Database; clock: Clock },
  actor: Actor,
  input: AnalyticsInput,
): Promise<MemoryAnalytics> {
  const user = requireUser(actor);
  const { days, ...scope } = analyticsInputSchema.parse(input);
  const key = scopeKeyOf(user, scope);
  const owned = inScope(user.userId, key);
  const since = new Date(clock.now().getTime() - days * dayMs);
  const day = sql<string>`to_char(${memories.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [[active], [archived], growth, mostUsed, [recalls]] = await Promise.all([
    db
      .select({ count })
      .from(memories)
      .where(and(owned, isNull(memories.archivedAt))),
    db
      .select({ count })
      .from(memories)
      .where(and(owned, isNotNull(memories.archivedAt))),
    db
      .select({ day, created: count })
      .from(memories)
      .where(and(owned, gte(memories.createdAt, since)))
      .groupBy(day)
      .orderBy(day),
    db
      .select(memoryColumns)
      .from(memories)
      .where(and(owned, sql`${memories.usedCount} > 0`))
      .orderBy(desc(memories.usedCount), desc(memories.id))
      .limit(10),
    db
      .select({
        total: count,
        hits: sql<number>`count(*) filter (where ${memoryRecalls.hits} > 0)`.mapWith(Number),
      })
      .from(memoryRecalls)
      .where(
        and(
          sql`${memoryRecalls.ownerId} = ${user.userId}`,
          sql`${memoryRecalls.scope} = ${key.scope}`,
          sql`${memoryRecalls.scopeId} = ${key.scopeId}`,
          gte(memoryRecalls.at, since),
        ),
      ),
  ]);
  const total = recalls?.total ?? 0;
  const hits = recalls?.hits ?? 0;
  return {
    scope: key.scope,
    scope_id: key.scopeId,
    active: active?.count ?? 0,
    archived: archived?.count ?? 0,
    growth: growth.map((row) => ({ day: row.day, created: row.created })),
    most_used: mostUsed.map(toMemory),
    recalls: total,
    recall_hits: hits,
    recall_hit_rate: total === 0 ? null : hits / total,
  };
}
