import type { AnyBusEvent } from './events.js';

/** The Postgres NOTIFY channel that carries events between instances. */
export const eventsChannel = 'switchboard_events';

/** NOTIFY payloads must stay under 8000 bytes; larger events travel by id and are read from the table. */
const maxInlineBytes = 7_000;

type RelayMessage = { origin: string; event: AnyBusEvent } | { origin: string; id: string };

/** What one instance tells the others about an event it published. */
export function encodeRelayMessage(origin: string, event: AnyBusEvent): string {
  const inline = JSON.stringify({ origin, event });
  return Buffer.byteLength(inline) <= maxInlineBytes ? inline : JSON.stringify({ origin, id: event.id });
}

/**
 * Whether `origin` sent the message: its own come back to every listener, the sender too, and are
 * known by their first bytes (`encodeRelayMessage` writes the origin first) without being parsed.
 */
export function sentBy(origin: string, payload: string): boolean {
  return payload.startsWith(`{"origin":${JSON.stringify(origin)},`);
}

/** Reads a relay message; the event's time comes back as a Date. */
export function decodeRelayMessage(
  payload: string,
): { origin: string; event: AnyBusEvent } | { origin: string; id: string } {
  const message = JSON.parse(payload) as RelayMessage;
  if ('event' in message)
    return { origin: message.origin, event: { ...message.event, at: new Date(message.event.at) } };
  return message;
}
