import type { Actor, UserActor } from '../../actor.js';
import type { EventBus } from '../../bus/event-bus.js';
import type { AnyBusEvent } from '../../bus/events.js';
import { compilePattern } from '../../bus/pattern.js';
import { requireAdmin, requireUser } from '../../actor-policy.js';
import { type EventPage, type EventQuery, eventQuerySchema, patternList, type WireEvent } from './schema.js';

/** An event as clients see it. */
export function toWireEvent(event: AnyBusEvent): WireEvent {
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    actor: { user_id: event.actor.userId, via: event.actor.via },
    data: event.data,
  };
}

/** True when the event takes away the credential the user follows with, or may have (role, deactivation). */
function revokes(event: AnyBusEvent, user: UserActor): boolean {
  const { credential } = user;
  if (event.type === 'session.revoked')
    return credential.kind === 'session' && event.data.session_id === credential.id;
  if (event.type === 'api_key.revoked')
    return credential.kind === 'api_key' && event.data.api_key_id === credential.id;
  if (event.type === 'user.updated')
    return event.data.user_id === user.userId && event.data.changes.some((change) => change !== 'name');
  return false;
}

/**
 * Users' own events: the stored history, and each new one as it happens. A user sees the events
 * they caused and, live, those naming them in `audience` (a shared context space's changes);
 * an admin may read everyone's history.
 */
export function createEventFeed({ bus }: { bus: EventBus }) {
  return {
    /** Stored events, newest first, a page at a time: the actor's own, or (admins, `all`) everyone's. */
    async history(actor: Actor, query: EventQuery): Promise<EventPage> {
      const user = requireUser(actor);
      const { type, since, until, actor_id, q, all, limit, cursor } = eventQuerySchema.parse(query);
      if (all) requireAdmin(user);
      if (!all && actor_id !== undefined && actor_id !== user.userId) return { items: [], next_cursor: null };
      const actorId = all ? actor_id : user.userId;
      const page = await bus.history({
        type,
        since: since === undefined ? undefined : new Date(since),
        until: until === undefined ? undefined : new Date(until),
        text: q,
        limit,
        cursor,
        ...(actorId === undefined ? {} : { actorId }),
      });
      return { items: page.items.map(toWireEvent), next_cursor: page.nextCursor };
    },

    /**
     * Calls `onEvent` with each new event the actor causes (matching `types`, comma-separated
     * patterns, when given), and `onRevoked` when the credential they follow with is revoked or
     * their account changes. One bus subscription; returns its end.
     */
    follow(
      actor: Actor,
      { types }: { types?: string | undefined },
      { onEvent, onRevoked }: { onEvent: (event: WireEvent) => void; onRevoked: () => void },
    ): () => void {
      const user = requireUser(actor);
      const matchers = patternList(types).map(compilePattern);
      return bus.subscribe('*', (event) => {
        // The server's own events about a user's things (a reply the stale sweep interrupted) name their owner.
        const owner = (event.data as { owner_id?: unknown }).owner_id;
        // An event about something several users share (a context space) names them all in `audience`.
        const audience = (event.data as { audience?: unknown }).audience;
        const mine =
          event.actor.userId === user.userId ||
          (event.actor.userId === null && owner === user.userId) ||
          (Array.isArray(audience) && audience.includes(user.userId));
        if (mine && (matchers.length === 0 || matchers.some((matches) => matches(event.type))))
          onEvent(toWireEvent(event));
        if (revokes(event, user)) onRevoked();
      });
    },
  };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
