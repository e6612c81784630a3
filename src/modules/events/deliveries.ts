import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor, UserActor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../db/cursor.js';
import { ServiceUnavailableError } from '../../errors.js';
import type { EventsDeps } from './deps.js';
import type { DeliveryRunner } from './delivery-runner.js';
import { DeliveryNotDeadError, DeliveryNotFoundError } from './errors.js';
import {
  type DeliveryDetail,
  type DeliveryView,
  type ListDeliveriesQuery,
  listDeliveriesQuerySchema,
} from './subscription-schema.js';
import { type EventDeliveryRow, eventDeliveries, eventDeliveryAttempts } from './table.js';

export function toDeliveryView(row: EventDeliveryRow): DeliveryView {
  return {
    id: row.id,
    subscription_id: row.subscriptionId,
    event_id: row.eventId,
    event_type: row.eventType,
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    delivered_at: row.deliveredAt?.toISOString() ?? null,
  };
}

/** The delivery log and the dead letters of a user's subscriptions: their own only. */
export function createDeliveries(deps: EventsDeps, runner: DeliveryRunner | undefined) {
  const { db, clock } = deps;

  async function loadOwn(user: UserActor, id: string): Promise<EventDeliveryRow> {
    const [row] = await db
      .select()
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.id, id), eq(eventDeliveries.ownerId, user.userId)));
    if (!row) throw new DeliveryNotFoundError(id);
    return row;
  }

  return {
    /** Deliveries newest first, by subscription and status (`dead`: the dead letters). */
    async list(actor: Actor, query: ListDeliveriesQuery) {
      const user = requireUser(actor);
      const { subscription_id, status, limit, cursor } = listDeliveriesQuerySchema.parse(query);
      const conditions: SQL[] = [eq(eventDeliveries.ownerId, user.userId)];
      if (subscription_id) conditions.push(eq(eventDeliveries.subscriptionId, subscription_id));
      if (status) conditions.push(eq(eventDeliveries.status, status));
      if (cursor) conditions.push(lt(eventDeliveries.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(eventDeliveries)
        .where(and(...conditions))
        .orderBy(desc(eventDeliveries.id))
        .limit(limit + 1);
      const page = pageFrom(rows, limit, toDeliveryView);
      return { items: page.items, next_cursor: page.nextCursor };
    },

    /** One delivery with its log: each attempt's outcome and response time. */
    async get(actor: Actor, id: string): Promise<DeliveryDetail> {
      const row = await loadOwn(requireUser(actor), id);
      const attempts = await db
        .select()
        .from(eventDeliveryAttempts)
        .where(eq(eventDeliveryAttempts.deliveryId, id))
        .orderBy(asc(eventDeliveryAttempts.attempt));
      return {
        ...toDeliveryView(row),
        log: attempts.map((attempt) => ({
          attempt: attempt.attempt,
          ok: attempt.ok,
          status_code: attempt.statusCode,
          error: attempt.error,
          response_ms: attempt.responseMs,
          at: attempt.at.toISOString(),
        })),
      };
    },

    /** Sends a dead letter again, with a fresh round of retries; anything else is a conflict. */
    async replay(actor: Actor, id: string): Promise<DeliveryView> {
      const user = requireUser(actor);
      const row = await loadOwn(user, id);
      if (row.status !== 'dead') throw new DeliveryNotDeadError(id, row.status);
      if (!runner)
        throw new ServiceUnavailableError(
          'ENGINE_UNAVAILABLE',
          'Deliveries run only in a server (switchboard serve): the durable engine is not running here',
        );
      const [pending] = await db
        .update(eventDeliveries)
        .set({ status: 'pending', updatedAt: clock.now() })
        .where(and(eq(eventDeliveries.id, id), eq(eventDeliveries.status, 'dead')))
        .returning();
      if (!pending) throw new DeliveryNotDeadError(id, 'no longer dead');
      try {
        await runner.replay(id, pending.attempts);
      } catch (error) {
        // Not started: a dead letter again, to be replayed later, rather than pending with nothing behind it.
        await db
          .update(eventDeliveries)
          .set({ status: 'dead', updatedAt: clock.now() })
          .where(and(eq(eventDeliveries.id, id), eq(eventDeliveries.status, 'pending')));
        throw error;
      }
      return toDeliveryView(pending);
    },
  };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
