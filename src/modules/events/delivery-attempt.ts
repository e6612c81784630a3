import { and, eq, sql } from 'drizzle-orm';
import { actingAs, type UserActor } from '../../actor.js';
import { DomainError } from '../../errors.js';
import type { EventsDeps } from './deps.js';
import { outsideEngine } from '../../engine/index.js';
import { secretContext } from './subscriptions.js';
import {
  type DeliveredEvent,
  eventDeliveries,
  eventDeliveryAttempts,
  type EventSubscriptionRow,
  eventSubscriptions,
} from './table.js';
import { type AttemptOutcome, checkWebhookUrl, postWebhook } from './webhook-sender.js';

/** What one attempt came to: `permanent` failures are not retried (the target cannot take it). */
export interface AttemptResult extends AttemptOutcome {
  permanent: boolean;
  /** The subscription was deleted: the delivery is dropped with it. */
  gone: boolean;
}

/** Domain errors a retry cannot cure: the workflow or agent is gone, the input is refused. */
const permanentKinds = new Set(['not_found', 'invalid', 'unprocessable', 'forbidden', 'too_large']);

/**
 * Makes one attempt of a delivery and logs it: sends the event to the subscription's target as the
 * owner, times it, writes the attempt row and the delivery's state. Safe to repeat (a replayed
 * step finds its attempt row there and writes nothing twice).
 */
export function createDeliveryAttempt(deps: EventsDeps) {
  const { db, clock, ids, secrets, config } = deps;

  /** The owner as an actor, or undefined when their account is deactivated: nothing is sent for them. */
  async function ownerActor(ownerId: string): Promise<UserActor | undefined> {
    const probe = actingAs({ userId: ownerId, role: 'user', via: 'workflow' });
    const user = await deps.users.me(probe).catch(() => undefined);
    if (!user?.active) return undefined;
    return actingAs({ userId: ownerId, role: user.role, via: 'workflow' });
  }

  async function send(
    subscription: EventSubscriptionRow,
    owner: UserActor,
    deliveryId: string,
    event: DeliveredEvent,
  ): Promise<AttemptResult> {
    const { target } = subscription;
    const fail = (error: unknown): AttemptResult => {
      // A domain error is the owner's to read (the workflow is gone); anything else is ours, logged only.
      if (!(error instanceof DomainError))
        deps.logger.warn({ err: error, deliveryId }, 'an event delivery failed on our side');
      return {
        ok: false,
        statusCode: null,
        error:
          error instanceof DomainError
            ? error.message
            : 'The target could not take the event (an error on our side, logged)',
        permanent: error instanceof DomainError && permanentKinds.has(error.kind),
        gone: false,
      };
    };
    try {
      if (target.kind === 'webhook') {
        // Checked again at each send: no webhook goes out while an admin has switched them off (the
        // delivery becomes a dead letter, replayable once they are back on), and a plain-http hook
        // stops when EVENT_HOOK_LOCAL_HTTP is turned off.
        await deps.features.require('outbound_webhooks');
        checkWebhookUrl(target.url, { localHttp: config.eventHookLocalHttp });
        const secret = secrets.open(subscription.secret ?? '', secretContext(subscription.id));
        const outcome = await postWebhook({
          url: target.url,
          secret,
          deliveryId,
          event,
          subscriptionId: subscription.id,
          allowedHosts: config.fetchAllowedHosts,
          timeoutMs: config.fetchTimeoutMs,
          now: clock.now(),
        });
        return { ...outcome, permanent: false, gone: false };
      }
      if (target.kind === 'workflow') {
        // A top-level run (not this step's child), once only by its id.
        await outsideEngine(() =>
          deps.workflows.runs.start(owner, {
            workflow: target.workflow_id,
            input: { event },
            trigger: { kind: 'event', event_id: event.id, event_type: event.type },
            runId: `subscription:${subscription.id}:${event.id}`,
          }),
        );
        return { ok: true, statusCode: null, error: null, permanent: false, gone: false };
      }
      if (!deps.deliverToAgent) return { ...fail('No agents module is running'), permanent: true };
      await deps.deliverToAgent(owner, {
        agentId: target.agent_id,
        event,
        deliveryId,
        subscriptionId: subscription.id,
      });
      return { ok: true, statusCode: null, error: null, permanent: false, gone: false };
    } catch (error) {
      return fail(error);
    }
  }

  return async function attemptDelivery(deliveryId: string, attempt: number): Promise<AttemptResult> {
    const [found] = await db
      .select({ delivery: eventDeliveries, subscription: eventSubscriptions })
      .from(eventDeliveries)
      .innerJoin(eventSubscriptions, eq(eventSubscriptions.id, eventDeliveries.subscriptionId))
      .where(eq(eventDeliveries.id, deliveryId));
    if (!found)
      return {
        ok: false,
        statusCode: null,
        error: 'The subscription was deleted',
        permanent: true,
        gone: true,
      };
    const { delivery, subscription } = found;
    const owner = await ownerActor(delivery.ownerId);
    const started = performance.now();
    const result: AttemptResult = owner
      ? await send(subscription, owner, delivery.id, delivery.event)
      : {
          ok: false,
          statusCode: null,
          error: 'The owner’s account is deactivated',
          permanent: true,
          gone: false,
        };
    const responseMs = Math.round(performance.now() - started);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const logged = await tx
        .insert(eventDeliveryAttempts)
        .values({
          id: ids(),
          deliveryId,
          attempt,
          ok: result.ok,
          statusCode: result.statusCode,
          error: result.error,
          responseMs,
          at: now,
        })
        .onConflictDoNothing()
        .returning({ id: eventDeliveryAttempts.id });
      // A repeated attempt (its row there already) still records a success, which the first may have missed.
      if (logged.length === 0 && !result.ok) return;
      await tx
        .update(eventDeliveries)
        .set({
          attempts: sql`greatest(${eventDeliveries.attempts}, ${attempt})`,
          lastError: result.error,
          updatedAt: now,
          ...(result.ok ? { status: 'delivered' as const, deliveredAt: now } : {}),
        })
        .where(and(eq(eventDeliveries.id, deliveryId)));
    });
    return result;
  };
}
