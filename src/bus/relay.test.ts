import { describe, expect, it } from 'vitest';
import { systemActor } from '../actor.js';
import type { AnyBusEvent } from './events.js';
import { decodeRelayMessage, encodeRelayMessage, sentBy } from './relay.js';

const event = {
  id: 'event-1',
  type: 'instance.started',
  actor: { userId: null, via: systemActor.via },
  at: new Date('2026-06-01T12:00:00Z'),
  data: { instance_id: 'instance-a' },
} as unknown as AnyBusEvent;

describe('relay messages', () => {
  it('knows its own messages without reading them, and no other instance’s', () => {
    const own = encodeRelayMessage('instance-a', event);
    expect(sentBy('instance-a', own)).toBe(true);
    expect(sentBy('instance-b', own)).toBe(false);
    expect(sentBy('instance', own)).toBe(false); // a prefix of the sender's id is another instance
    expect(sentBy('instance-a', encodeRelayMessage('instance-a-2', event))).toBe(false);
    expect(
      sentBy(
        'instance-a',
        encodeRelayMessage('instance-a', { ...event, data: 'x'.repeat(8_000) } as unknown as AnyBusEvent),
      ),
    ).toBe(true);
  });

  it('carries the event with its time as a Date', () => {
    const message = decodeRelayMessage(encodeRelayMessage('instance-a', event));
    expect(message).toEqual({ origin: 'instance-a', event });
  });
});
