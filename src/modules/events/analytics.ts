import { sql } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { requireAdmin, requireUser } from '../../actor-policy.js';
import { events } from '../../bus/table.js';
import type { EventsDeps } from './deps.js';
import { type EventStatsQuery, eventStatsQuerySchema } from './analytics-schema.js';
import { eventDeliveries, eventDeliveryAttempts } from './table.js';

const dayMs = 24 * 60 * 60 * 1000;
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** The window of a stats query: `since` (7 days back by default) to `until` (now). */
function windowOf(query: EventStatsQuery, now: Date) {
  const { bucket, since, until } = eventStatsQuerySchema.parse(query);
  return {
    bucket,
    since: since ? new Date(since) : new Date(now.getTime() - 7 * dayMs),
    until: until ? new Date(until) : now,
  };
}

/**
 * Figures over the event history and the deliveries: a user's own (counts per type per hour or
 * day, delivery success rate and latency), and, for admins, every user's volumes: counts only,
 * never a payload.
 */
export function createEventAnalytics({ db, clock }: Pick<EventsDeps, 'db' | 'clock'>) {
  return {
    async stats(actor: Actor, query: EventStatsQuery) {
      const user = requireUser(actor);
      const { bucket, since, until } = windowOf(query, clock.now());
      const counts = rowsOf<{ type: string; bucket: Date | string; count: number }>(
        await db.execute(sql`
          select ${events.type} as type, date_trunc(${bucket}, ${events.at}) as bucket, count(*)::int as count
          from ${events}
          where ${events.actorId} = ${user.userId} and ${events.at} >= ${since} and ${events.at} <= ${until}
          group by 1, 2 order by 2, 1`),
      );
      const [deliveries] = rowsOf<{
        total: number;
        delivered: number;
        dead: number;
        pending: number;
      }>(
        await db.execute(sql`
          select count(*)::int as total,
            count(*) filter (where ${eventDeliveries.status} = 'delivered')::int as delivered,
            count(*) filter (where ${eventDeliveries.status} = 'dead')::int as dead,
            count(*) filter (where ${eventDeliveries.status} = 'pending')::int as pending
          from ${eventDeliveries}
          where ${eventDeliveries.ownerId} = ${user.userId}
            and ${eventDeliveries.createdAt} >= ${since} and ${eventDeliveries.createdAt} <= ${until}`),
      );
      const [latency] = rowsOf<{
        attempts: number;
        succeeded: number;
        avg_ms: number | null;
        p95_ms: number | null;
      }>(
        await db.execute(sql`
          select count(*)::int as attempts, count(*) filter (where a.ok)::int as succeeded,
            round(avg(a.response_ms))::int as avg_ms,
            round(percentile_cont(0.95) within group (order by a.response_ms))::int as p95_ms
          from ${eventDeliveryAttempts} a join ${eventDeliveries} d on d.id = a.delivery_id
          where d.owner_id = ${user.userId} and a.at >= ${since} and a.at <= ${until}`),
      );
      const finished = (deliveries?.delivered ?? 0) + (deliveries?.dead ?? 0);
      return {
        bucket,
        since: since.toISOString(),
        until: until.toISOString(),
        counts: counts.map((row) => ({
          type: row.type,
          bucket: new Date(row.bucket).toISOString(),
          count: row.count,
        })),
        deliveries: {
          total: deliveries?.total ?? 0,
          delivered: deliveries?.delivered ?? 0,
          dead: deliveries?.dead ?? 0,
          pending: deliveries?.pending ?? 0,
          success_rate: finished === 0 ? null : (deliveries?.delivered ?? 0) / finished,
          attempts: latency?.attempts ?? 0,
          attempt_success_rate:
            (latency?.attempts ?? 0) === 0 ? null : (latency?.succeeded ?? 0) / (latency?.attempts ?? 1),
          avg_response_ms: latency?.avg_ms ?? null,
          p95_response_ms: latency?.p95_ms ?? null,
        },
      };
    },

    /** Admins: how many events each user caused, per type and bucket. Counts only, never payloads. */
    async volumes(actor: Actor, query: EventStatsQuery) {
      requireAdmin(requireUser(actor));
      const { bucket, since, until } = windowOf(query, clock.now());
      const rows = rowsOf<{ user_id: string | null; type: string; bucket: Date | string; count: number }>(
        await db.execute(sql`
          select ${events.actorId} as user_id, ${events.type} as type,
            date_trunc(${bucket}, ${events.at}) as bucket, count(*)::int as count
          from ${events}
          where ${events.at} >= ${since} and ${events.at} <= ${until}
          group by 1, 2, 3 order by 3, 1, 2`),
      );
      return {
        bucket,
        since: since.toISOString(),
        until: until.toISOString(),
        items: rows.map((row) => ({
          user_id: row.user_id,
          type: row.type,
          bucket: new Date(row.bucket).toISOString(),
          count: row.count,
        })),
      };
    },
  };
}

export type EventAnalytics = ReturnType<typeof createEventAnalytics>;
