import { and, asc, eq, gte, lte, notExists, sql } from 'drizzle-orm';
import { events } from '../../bus/table.js';
import { rowToEvent } from '../../bus/rows.js';
import type { EventsDeps } from './deps.js';
import type { DeliveryRunner } from './delivery-runner.js';
import { compileFilter, eventView } from './event-filter.js';
import { eventDeliveries, eventSubscriptions } from './table.js';

/** How far back the sweep at launch looks (a server down longer misses older events). */
export const launchLookbackMs = 24 * 60 * 60 * 1000;
/** How far back the hourly sweep looks: its last window and a margin. */
export const hourlyLookbackMs = 2 * 60 * 60 * 1000;
/** Pairs (event, subscription) read at a time. */
const pageSize = 500;

/**
 * Finds the events stored but never routed to a subscription (the server stopped between the
 * event's commit and its dispatch, which runs after it in memory) and starts their deliveries. A
 * pair counts as dispatched once its delivery row exists; a pair without one is started under the
 * same DBOS id the dispatcher uses (`event-delivery:<subscription>:<event>`), so a delivery that
 * is under way, or was started by another instance meanwhile, is not started twice. Only
 * subscriptions that existed when the event happened and are enabled now; the same filters and
 * rules as the dispatcher. Gives how many deliveries it started.
 */
export function createDispatchSweep(deps: EventsDeps, runner: DeliveryRunner) {
  const { db, clock } = deps;
  const log = deps.logger.child({ component: 'event-subscriptions' });
  const owner = sql`coalesce(${events.actorId}, ${events.data}->>'owner_id')`;

  return async function sweepUndispatched(lookbackMs: number): Promise<number> {
    const since = new Date(clock.now().getTime() - lookbackMs);
    let after: { eventId: string; subscriptionId: string } | undefined;
    let started = 0;
    for (;;) {
      const page = await db
        .select({ event: events, subscription: eventSubscriptions })
        .from(events)
        .innerJoin(
          eventSubscriptions,
          and(
            eq(eventSubscriptions.ownerId, owner),
            eq(eventSubscriptions.enabled, true),
            // Not a subscription changed since the event: its filter then may not have taken it.
            lte(eventSubscriptions.updatedAt, events.at),
          ),
        )
        .where(
          and(
            gte(events.at, since),
            after
              ? sql`(${events.id}, ${eventSubscriptions.id}) > (${after.eventId}, ${after.subscriptionId})`
              : undefined,
            notExists(
              db
                .select({ id: eventDeliveries.id })
                .from(eventDeliveries)
                .where(
                  and(
                    eq(eventDeliveries.subscriptionId, eventSubscriptions.id),
                    eq(eventDeliveries.eventId, events.id),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(events.id), asc(eventSubscriptions.id))
        .limit(pageSize);
      for (const { event: row, subscription } of page) {
        const event = rowToEvent(row);
        if (subscription.target.kind === 'workflow' && event.actor.via === 'workflow') continue;
        try {
          if (!compileFilter(subscription).passes(event)) continue;
          await runner.start(subscription.id, eventView(event));
          started++;
        } catch (error) {
          log.warn(
            { err: error, subscription: subscription.id, event: event.id },
            'an event was not delivered',
          );
        }
      }
      const last = page.at(-1);
      if (!last || page.length < pageSize) break;
      after = { eventId: last.event.id, subscriptionId: last.subscription.id };
    }
    if (started > 0) log.info({ deliveries: started }, 'delivered events stored but never dispatched');
    return started;
  };
}
