import { and, desc, eq } from 'drizzle-orm';
import type { Actor, UserActor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import { InvalidInputError } from '../../errors.js';
import { expressionProblem } from '../workflows/expressions.js';
import type { EventsDeps } from './deps.js';
import { SubscriptionNotFoundError, TargetRefusedError } from './errors.js';
import {
  type CreateSubscriptionInput,
  createSubscriptionInputSchema,
  type SubscriptionView,
  type UpdateSubscriptionInput,
  updateSubscriptionInputSchema,
} from './subscription-schema.js';
import { type EventSubscriptionRow, eventSubscriptions, type SubscriptionTarget } from './table.js';
import { checkWebhookUrl, newSigningSecret } from './webhook-sender.js';

/** The context a subscription's sealed secret is bound to: it opens for this row only. */
export const secretContext = (subscriptionId: string) => `event_subscription:${subscriptionId}:secret`;

export function toSubscriptionView(row: EventSubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    name: row.name,
    pattern: row.pattern,
    conditions: row.conditions,
    expression: row.expression,
    target: row.target,
    enabled: row.enabled,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function checkExpression(expression: string | null | undefined) {
  if (expression === null || expression === undefined) return;
  const problem = expressionProblem(expression);
  if (problem)
    throw new InvalidInputError(`The expression is not valid: ${problem}`, { field: 'expression' });
}

/**
 * Users' event subscriptions: each their own. Creating one checks its target: the user's workflow
 * (stored by id), an agent (only when agents are wired), or a webhook URL (https; its signing
 * secret is made here, sealed, and shown once).
 */
export function createSubscriptions(deps: EventsDeps) {
  const { db, clock, ids, bus, secrets, config } = deps;

  async function loadOwn(user: UserActor, id: string): Promise<EventSubscriptionRow> {
    const [row] = await db
      .select()
      .from(eventSubscriptions)
      .where(and(eq(eventSubscriptions.id, id), eq(eventSubscriptions.ownerId, user.userId)));
    if (!row) throw new SubscriptionNotFoundError(id);
    return row;
  }

  async function checkTarget(user: UserActor, target: SubscriptionTarget): Promise<SubscriptionTarget> {
    if (target.kind === 'webhook') {
      await deps.features.require('outbound_webhooks');
      checkWebhookUrl(target.url, { localHttp: config.eventHookLocalHttp });
      return target;
    }
    if (target.kind === 'agent') {
      if (!deps.deliverToAgent)
        throw new TargetRefusedError(
          'AGENT_TARGET_UNAVAILABLE',
          'Events cannot be sent to agents on this server: no agents module is running',
        );
      return target;
    }
    const workflow = await deps.workflows.definitions.get(user, target.workflow_id);
    return { kind: 'workflow', workflow_id: workflow.id };
  }

  return {
    /** A new subscription, with its webhook secret (shown this once; null for other targets). */
    async create(
      actor: Actor,
      input: CreateSubscriptionInput,
    ): Promise<SubscriptionView & { secret: string | null }> {
      const user = requireUser(actor);
      const fields = createSubscriptionInputSchema.parse(input);
      checkExpression(fields.expression);
      const target = await checkTarget(user, fields.target);
      const id = ids();
      const secret = target.kind === 'webhook' ? newSigningSecret() : null;
      const now = clock.now();
      const [row] = await db
        .insert(eventSubscriptions)
        .values({
          id,
          ownerId: user.userId,
          name: fields.name,
          pattern: fields.pattern,
          conditions: fields.conditions,
          expression: fields.expression ?? null,
          target,
          secret: secret === null ? null : secrets.seal(secret, secretContext(id)),
          enabled: fields.enabled,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await bus.publish(user, 'event_subscription.created', {
        subscription_id: id,
        owner_id: user.userId,
        target_kind: target.kind,
      });
      return { ...toSubscriptionView(row as EventSubscriptionRow), secret };
    },

    async list(actor: Actor): Promise<SubscriptionView[]> {
      const user = requireUser(actor);
      const rows = await db
        .select()
        .from(eventSubscriptions)
        .where(eq(eventSubscriptions.ownerId, user.userId))
        .orderBy(desc(eventSubscriptions.id));
      return rows.map(toSubscriptionView);
    },

    async get(actor: Actor, id: string): Promise<SubscriptionView> {
      return toSubscriptionView(await loadOwn(requireUser(actor), id));
    },

    /** Changes the name, filter or enabled flag; the target stays (make a new subscription for another). */
    async update(actor: Actor, id: string, input: UpdateSubscriptionInput): Promise<SubscriptionView> {
      const user = requireUser(actor);
      const fields = updateSubscriptionInputSchema.parse(input);
      await loadOwn(user, id);
      checkExpression(fields.expression);
      const [row] = await db
        .update(eventSubscriptions)
        .set({ ...fields, updatedAt: clock.now() })
        .where(and(eq(eventSubscriptions.id, id), eq(eventSubscriptions.ownerId, user.userId)))
        .returning();
      if (!row) throw new SubscriptionNotFoundError(id);
      await bus.publish(user, 'event_subscription.updated', { subscription_id: id, owner_id: user.userId });
      return toSubscriptionView(row);
    },

    /** Deletes the subscription and its delivery log; deliveries under way stop at their next attempt. */
    async remove(actor: Actor, id: string): Promise<void> {
      const user = requireUser(actor);
      const deleted = await db
        .delete(eventSubscriptions)
        .where(and(eq(eventSubscriptions.id, id), eq(eventSubscriptions.ownerId, user.userId)))
        .returning({ id: eventSubscriptions.id });
      if (deleted.length === 0) throw new SubscriptionNotFoundError(id);
      await bus.publish(user, 'event_subscription.deleted', { subscription_id: id, owner_id: user.userId });
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
