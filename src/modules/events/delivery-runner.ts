import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, eq } from 'drizzle-orm';
import type { EventsDeps } from './deps.js';
import { createDeliveryAttempt } from './delivery-attempt.js';
import { type DeliveredEvent, eventDeliveries, eventSubscriptions } from './table.js';

/** The longest wait between two attempts, however long the backoff has grown. */
const maxDelayMs = 60 * 60 * 1000;

type DeliveryJob =
  { kind: 'new'; subscriptionId: string; event: DeliveredEvent } | { kind: 'replay'; deliveryId: string };

type DeliveryEnd = 'delivered' | 'dead' | 'dropped';

/**
 * Deliveries on the durable engine: one DBOS workflow per delivery, at least once. It opens the
 * delivery's row (one per subscription and event), then attempts; a failure waits (DBOS.sleep,
 * durable across restarts) EVENT_DELIVERY_BACKOFF_MS, doubling up to an hour, and tries again,
 * the last wait shortened so that the last attempt comes when EVENT_DELIVERY_RETRY_MS of waiting
 * has passed (24 h after the first by default, not up to an hour before); if it fails too the
 * delivery is a dead letter, which a replay sends through the same loop again. Every attempt carries the delivery id as its
 * idempotency key, so a receiver can drop the repeats at-least-once allows.
 */
export function createDeliveryRunner(deps: EventsDeps) {
  const { db, clock, ids, config } = deps;
  const attemptDelivery = createDeliveryAttempt(deps);

  /** The delivery's row, made on first open; undefined when the subscription is gone. */
  async function open(job: DeliveryJob) {
    if (job.kind === 'replay') {
      const [row] = await db.select().from(eventDeliveries).where(eq(eventDeliveries.id, job.deliveryId));
      return row;
    }
    const [subscription] = await db
      .select({ ownerId: eventSubscriptions.ownerId })
      .from(eventSubscriptions)
      .where(eq(eventSubscriptions.id, job.subscriptionId));
    if (!subscription) return undefined;
    const now = clock.now();
    await db
      .insert(eventDeliveries)
      .values({
        id: ids(),
        subscriptionId: job.subscriptionId,
        ownerId: subscription.ownerId,
        eventId: job.event.id,
        eventType: job.event.type,
        event: job.event,
        status: 'pending',
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    const [row] = await db
      .select()
      .from(eventDeliveries)
      .where(
        and(
          eq(eventDeliveries.subscriptionId, job.subscriptionId),
          eq(eventDeliveries.eventId, job.event.id),
        ),
      );
    return row;
  }

  async function markDead(deliveryId: string) {
    await db
      .update(eventDeliveries)
      .set({ status: 'dead', updatedAt: clock.now() })
      .where(and(eq(eventDeliveries.id, deliveryId), eq(eventDeliveries.status, 'pending')));
  }

  const deliver = DBOS.registerWorkflow(
    async (job: DeliveryJob): Promise<DeliveryEnd> => {
      const opened = await DBOS.runStep(
        async () => {
          const row = await open(job);
          return row && { id: row.id, status: row.status, attempts: row.attempts };
        },
        { name: 'open' },
      );
      if (!opened) return 'dropped';
      if (opened.status === 'delivered') return 'delivered';
      let attempt = opened.attempts;
      let waited = 0;
      let delay = config.eventDeliveryBackoffMs;
      for (;;) {
        attempt += 1;
        const tried = attempt;
        const result = await DBOS.runStep(() => attemptDelivery(opened.id, tried), { name: 'attempt' });
        if (result.ok) return 'delivered';
        if (result.gone) return 'dropped';
        if (result.permanent || waited >= config.eventDeliveryRetryMs) {
          await DBOS.runStep(() => markDead(opened.id), { name: 'dead' });
          return 'dead';
        }
        // The last wait is cut short so that the last attempt lands at the window's end, not before.
        const wait = Math.min(delay, config.eventDeliveryRetryMs - waited);
        await DBOS.sleep(wait);
        waited += wait;
        delay = Math.min(delay * 2, maxDelayMs);
      }
    },
    { name: 'events.deliver' },
  );

  return {
    /** Starts delivering an event to a subscription; every instance may call it, one delivery results. */
    async start(subscriptionId: string, event: DeliveredEvent): Promise<void> {
      await DBOS.startWorkflow(deliver, { workflowID: `event-delivery:${subscriptionId}:${event.id}` })({
        kind: 'new',
        subscriptionId,
        event,
      });
    },
    /** Sends a dead letter through the attempts again (its row already set back to pending). */
    async replay(deliveryId: string, attemptsSoFar: number): Promise<void> {
      await DBOS.startWorkflow(deliver, {
        workflowID: `event-delivery:${deliveryId}:replay:${attemptsSoFar}`,
      })({ kind: 'replay', deliveryId });
    },
  };
}

export type DeliveryRunner = ReturnType<typeof createDeliveryRunner>;
