import type { AnyBusEvent } from './events.js';
import type { EventRow } from './table.js';

/** A stored row as the event it records. */
export function rowToEvent(row: EventRow): AnyBusEvent {
  return {
    id: row.id,
    type: row.type,
    actor: { userId: row.actorId, via: row.actorVia },
    at: row.at,
    data: row.data,
  } as AnyBusEvent;
}

/** An event as the row that stores it. */
export function eventToRow(event: AnyBusEvent): EventRow {
  return {
    id: event.id,
    type: event.type,
    actorId: event.actor.userId,
    actorVia: event.actor.via,
    data: event.data,
    at: event.at,
  };
}
