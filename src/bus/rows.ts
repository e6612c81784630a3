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
