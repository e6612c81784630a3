import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { rateLimits } from '../table.js';

export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * Fixed-window counters in the database, so every instance sees the same counts. `take` counts
 * an attempt and says, in the same statement, whether it is over the limit — so concurrent
 * attempts cannot all slip under it. `reset` forgets a key and `release` takes one attempt back
 * (after a successful sign-in).
 */
export function createRateLimiter({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** Counts one attempt; returns 0 when it is allowed, else the seconds until the window ends. */
    async take(key: string, limit: Limit): Promise<number> {
      const now = clock.now();
      const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
      const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart}`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, count: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            windowStartedAt: sql`case when ${expired} then ${now} else ${rateLimits.windowStartedAt} end`,
          },
        })
        .returning();
      if (!row || row.count <= limit.max) return 0;
      const endsAt = row.windowStartedAt.getTime() + limit.windowSeconds * 1000;
      return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
    },

    /** Takes back one counted attempt (one that turned out to be a success). */
    async release(key: string): Promise<void> {
      await db
        .update(rateLimits)
        .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
        .where(eq(rateLimits.key, key));
    },

    /** Forgets a key's count. */
    async reset(key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
