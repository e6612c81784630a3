import type { Surface } from '../actor.js';

/**
 * Every event type and its payload. Payload keys are snake_case and times ISO strings, as on
 * the rest of the wire (a test walks published payloads). Modules add theirs by declaration merging:
 *
 *   declare module '../../bus/events.js' {
 *     interface EventMap { 'task.created': { task_id: string } }
 *   }
 */
export interface EventMap {
  /** A server process started and is about to accept requests. */
  'instance.started': { instance_id: string; version: string };
  /** A server process is shutting down cleanly. */
  'instance.stopped': { instance_id: string };
}

export type EventType = keyof EventMap & string;

/** Who caused an event: a user (and how they came in), or the system. */
export interface EventActor {
  readonly userId: string | null;
  readonly via: Surface;
}

export interface BusEvent<T extends EventType = EventType> {
  readonly id: string;
  readonly type: T;
  readonly actor: EventActor;
  readonly at: Date;
  readonly data: EventMap[T];
}

/** Any event, typed by its `type` field. */
export type AnyBusEvent = { [T in EventType]: BusEvent<T> }[EventType];
