import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { rateLimits } from '../table.js';

export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * Fixed-window counters in the database, so every instance sees the same counts. `check` tells
 * whether a key is over its limit (and for how long); `hit` counts one more; `reset` forgets it.
 */
export function createRateLimiter({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** Seconds until `key` may try again, or 0 when it may now. */
    async retryAfter(key: string, limit: Limit): Promise<number> {
      const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
      if (!row || row.count < limit.max) return 0;
      const endsAt = row.windowStartedAt.getTime() + limit.windowSeconds * 1000;
      return Math.max(0, Math.ceil((endsAt - clock.now().getTime()) / 1000));
    },

    async hit(key: string, limit: Limit): Promise<void> {
      const now = clock.now();
      const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
      const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart}`;
      await db
        .insert(rateLimits)
        .values({ key, count: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            windowStartedAt: sql`case when ${expired} then ${now} else ${rateLimits.windowStartedAt} end`,
          },
        });
    },

    async reset(key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
