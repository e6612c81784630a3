import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../identity/table.js';

/** A condition on an event's payload: `path` is dot-separated inside `data` (e.g. `customer.tier`). */
export interface PayloadCondition {
  path: string;
  op: 'eq' | 'ne' | 'in' | 'contains' | 'exists' | 'gt' | 'lt';
  value?: unknown;
}

/** An event as deliveries carry it: the wire form of GET /api/v1/events. */
export interface DeliveredEvent {
  id: string;
  type: string;
  at: string;
  actor: { user_id: string | null; via: string };
  data: unknown;
}

/** Where a subscription sends the events it matches. */
export type SubscriptionTarget =
  | { kind: 'workflow'; workflow_id: string }
  | { kind: 'agent'; agent_id: string }
  | { kind: 'webhook'; url: string };

/** A user's subscriptions: a filter (type pattern, payload conditions, a CEL expression) and a target. */
export const eventSubscriptions = pgTable(
  'event_subscriptions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    pattern: text('pattern').notNull(),
    conditions: jsonb('conditions').$type<PayloadCondition[]>().notNull(),
    expression: text('expression'),
    target: jsonb('target').$type<SubscriptionTarget>().notNull(),
    /** A webhook's signing secret, sealed (AES-GCM under AUTH_SECRET); null for other targets. */
    secret: text('secret'),
    enabled: boolean('enabled').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('event_subscriptions_owner_idx').on(table.ownerId, table.id)],
);

export type EventSubscriptionRow = typeof eventSubscriptions.$inferSelect;

/**
 * One event sent to one subscription: at most one row per (subscription, event), so instances that
 * all hear the event deliver it once. `dead` once the retries ran out (a dead letter, replayable).
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => eventSubscriptions.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The event as sent (its wire form), kept for replays after the history has pruned it. */
    event: jsonb('event').$type<DeliveredEvent>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('event_deliveries_subscription_event_idx').on(table.subscriptionId, table.eventId),
    index('event_deliveries_owner_idx').on(table.ownerId, table.id),
  ],
);

export type EventDeliveryRow = typeof eventDeliveries.$inferSelect;

/** The delivery log: every attempt, its outcome (HTTP status or error) and how long it took. */
export const eventDeliveryAttempts = pgTable(
  'event_delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => eventDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    responseMs: integer('response_ms').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('event_delivery_attempts_delivery_idx').on(table.deliveryId, table.attempt)],
);

export type EventDeliveryAttemptRow = typeof eventDeliveryAttempts.$inferSelect;
