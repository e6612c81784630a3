import type { Actor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import { ServiceUnavailableError } from '../../errors.js';
import type { EventsDeps } from './deps.js';
import type { DeliveryRunner } from './delivery-runner.js';
import type { Subscriptions } from './subscriptions.js';
import type { TestDelivery } from './subscription-schema.js';

/** The type of the event a test delivery sends. */
export const testEventType = 'custom.test';

/**
 * Sends one `custom.test` event to one subscription, whatever its filter: the owner sees, in the
 * delivery log, whether the target answers. The event goes to that subscription only (it is not
 * published on the bus, so no other subscription or workflow trigger hears it).
 */
export function createTestDelivery(
  { clock, ids, features }: Pick<EventsDeps, 'clock' | 'ids' | 'features'>,
  subscriptions: Subscriptions,
  runner: DeliveryRunner | undefined,
) {
  return async function sendTestDelivery(actor: Actor, subscriptionId: string): Promise<TestDelivery> {
    const user = requireUser(actor);
    const subscription = await subscriptions.get(user, subscriptionId);
    if (subscription.target.kind === 'webhook') await features.require('outbound_webhooks');
    if (!runner)
      throw new ServiceUnavailableError(
        'ENGINE_UNAVAILABLE',
        'Deliveries run only in a server (switchboard serve): the durable engine is not running here',
      );
    const event = {
      id: ids(),
      type: testEventType,
      at: clock.now().toISOString(),
      actor: { user_id: user.userId, via: user.via },
      data: { test: true, subscription_id: subscription.id, subscription_name: subscription.name },
    };
    await runner.start(subscription.id, event);
    return { subscription_id: subscription.id, event_id: event.id, event_type: event.type };
  };
}
