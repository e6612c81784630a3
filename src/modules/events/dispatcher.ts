import { and, eq } from 'drizzle-orm';
import type { AnyBusEvent } from '../../bus/events.js';
import type { EventsDeps } from './deps.js';
import type { DeliveryRunner } from './delivery-runner.js';
import { compileFilter, eventOwner, eventView } from './event-filter.js';
import { outsideEngine } from '../../engine/index.js';
import { eventSubscriptions } from './table.js';

/** How many owners' subscription lists are kept (the least recently used go first). */
const cachedOwners = 1_000;

interface CompiledSubscription {
  id: string;
  targetKind: string;
  passes: (event: AnyBusEvent) => boolean;
}

/**
 * Routes events to subscriptions: every instance hears every event (the bus relays them) and, for
 * an event of a user's (the rule of their feed: never another user's), starts a delivery to each of
 * that user's enabled subscriptions whose filter passes. The delivery's DBOS id is fixed by
 * subscription and event, so the instances together start one. What a workflow's run does (events
 * `via: workflow`) is not sent to workflow targets, so no subscription feeds a workflow in a loop.
 * Each owner's subscriptions are cached until one of them changes.
 */
export function createDispatcher(deps: EventsDeps, runner: DeliveryRunner) {
  const log = deps.logger.child({ component: 'event-subscriptions' });
  const cache = new Map<string, Promise<CompiledSubscription[]>>();

  function subscriptionsOf(ownerId: string): Promise<CompiledSubscription[]> {
    const hit = cache.get(ownerId);
    if (hit) {
      cache.delete(ownerId);
      cache.set(ownerId, hit);
      return hit;
    }
    const loaded = deps.db
      .select()
      .from(eventSubscriptions)
      .where(and(eq(eventSubscriptions.ownerId, ownerId), eq(eventSubscriptions.enabled, true)))
      .then((rows) =>
        rows.flatMap((row) => {
          try {
            return [{ id: row.id, targetKind: row.target.kind, passes: compileFilter(row).passes }];
          } catch {
            return [];
          }
        }),
      );
    loaded.catch(() => cache.delete(ownerId));
    if (cache.size >= cachedOwners) cache.delete(cache.keys().next().value as string);
    cache.set(ownerId, loaded);
    return loaded;
  }

  async function onEvent(event: AnyBusEvent): Promise<void> {
    const ownerId = eventOwner(event);
    if (!ownerId) return;
    if (event.type.startsWith('event_subscription.')) cache.delete(ownerId);
    for (const subscription of await subscriptionsOf(ownerId)) {
      if (subscription.targetKind === 'workflow' && event.actor.via === 'workflow') continue;
      try {
        if (!subscription.passes(event)) continue;
        await runner.start(subscription.id, eventView(event));
      } catch (error) {
        // A CEL expression that fails on this event: the owner's mistake, logged, the others go on.
        log.warn(
          { err: error, subscription: subscription.id, event: event.id },
          'an event was not delivered',
        );
      }
    }
  }

  return {
    /** Starts listening; returns the stop. */
    listen: (): (() => void) => deps.bus.subscribe('*', (event) => outsideEngine(() => onEvent(event))),
  };
}
