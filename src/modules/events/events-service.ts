import type { EventsDeps } from './deps.js';
import { createEventAnalytics } from './analytics.js';
import { createDeliveries } from './deliveries.js';
import { createDeliveryRunner } from './delivery-runner.js';
import { createDispatcher } from './dispatcher.js';
import { createDispatchSweep, hourlyLookbackMs, launchLookbackMs } from './dispatch-sweep.js';
import { eventTypeList } from './event-catalog.js';
import { createPublisher } from './publish.js';
import { createEventFeed } from './service.js';
import { createSubscriptions } from './subscriptions.js';
import { createTestDelivery } from './test-delivery.js';

/**
 * The events module: the user's feed (history and live), publishing custom events, subscriptions
 * and their durable deliveries, analytics, and the catalog of event types. Deliveries need the
 * engine: with it, routing starts once it has launched.
 */
export function createEventsService(deps: EventsDeps) {
  const runner = deps.engine ? createDeliveryRunner(deps) : undefined;
  const sweep = runner ? createDispatchSweep(deps, runner) : undefined;
  if (deps.engine && runner && sweep) {
    const dispatcher = createDispatcher(deps, runner);
    deps.engine.onLaunch(async () => {
      dispatcher.listen();
      // Listening first: an event stored during the sweep is routed live (and found dispatched).
      await sweep(launchLookbackMs).catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'could not deliver the events stored but never dispatched'),
      );
    });
  }
  const subscriptions = createSubscriptions(deps);
  return {
    feed: createEventFeed({ bus: deps.bus }),
    publish: createPublisher({ bus: deps.bus }),
    subscriptions,
    /** Sends a custom.test event to one subscription (its filter aside), to try its target. */
    sendTestDelivery: createTestDelivery(deps, subscriptions, runner),
    deliveries: createDeliveries(deps, runner),
    analytics: createEventAnalytics(deps),
    /**
     * Starts the deliveries of the last two hours' events that were stored but never routed to a
     * subscription (the hourly sweep; the launch looks back 24 h). Gives how many; 0 without the engine.
     */
    sweepUndispatched: (): Promise<number> => sweep?.(hourlyLookbackMs) ?? Promise.resolve(0),
    /** Every event type the code declares, with its payload schema. */
    types: eventTypeList,
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
