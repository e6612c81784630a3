import type { Actor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import type { EventBus } from '../../bus/event-bus.js';
import { EventTooLargeError } from './errors.js';
import { customPayloadMaxBytes, type PublishEventInput, publishEventInputSchema } from './publish-schema.js';
import type { WireEvent } from './schema.js';
import { toWireEvent } from './service.js';

/**
 * Users' and agents' own events: a type in the custom.* namespace and a JSON object payload of at
 * most 64 KiB, published as the caller (so it reaches their feed, history and subscriptions, and
 * nobody else's).
 */
export function createPublisher({ bus }: { bus: EventBus }) {
  return async function publish(actor: Actor, input: PublishEventInput): Promise<WireEvent> {
    const user = requireUser(actor);
    const { type, data } = publishEventInputSchema.parse(input);
    const bytes = Buffer.byteLength(JSON.stringify(data));
    if (bytes > customPayloadMaxBytes) throw new EventTooLargeError(bytes, customPayloadMaxBytes);
    const event = await bus.publish(user, type as `custom.${string}`, data);
    return toWireEvent(event);
  };
}
