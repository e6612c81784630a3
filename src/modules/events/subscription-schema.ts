import { z } from 'zod';
import { patternToRegex } from '../../bus/pattern.js';
import { pageSize } from '../../db/page-size.js';

const isPattern = (pattern: string) => {
  try {
    patternToRegex(pattern);
    return true;
  } catch {
    return false;
  }
};

export const payloadConditionSchema = z.object({
  path: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'dot-separated keys inside the payload, e.g. order.total')
    .describe('Where in the payload (event data), dot-separated, e.g. order.total'),
  op: z.enum(['eq', 'ne', 'in', 'contains', 'exists', 'gt', 'lt']),
  value: z.unknown().optional().describe('What to compare with (a list for `in`; none for `exists`)'),
});

export const subscriptionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workflow'), workflow_id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('agent'), agent_id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);

const filterFields = {
  pattern: z
    .string()
    .max(200)
    .refine(isPattern, 'an event pattern: dot-separated lowercase words, * for any word (e.g. custom.*)')
    .describe('Which event types, e.g. custom.order.* or task.created'),
  conditions: z.array(payloadConditionSchema).max(20).describe('All must hold on the payload'),
  expression: z
    .string()
    .max(2000)
    .nullable()
    .describe('A CEL expression over `event` that must hold too, e.g. event.data.total > 100'),
};

export const createSubscriptionInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  ...filterFields,
  conditions: filterFields.conditions.default([]),
  expression: filterFields.expression.optional(),
  target: subscriptionTargetSchema,
  enabled: z.boolean().default(true),
});
export type CreateSubscriptionInput = z.input<typeof createSubscriptionInputSchema>;

export const updateSubscriptionInputSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  pattern: filterFields.pattern.optional(),
  conditions: filterFields.conditions.optional(),
  expression: filterFields.expression.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateSubscriptionInput = z.input<typeof updateSubscriptionInputSchema>;

export const subscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pattern: z.string(),
    conditions: z.array(payloadConditionSchema),
    expression: z.string().nullable(),
    target: subscriptionTargetSchema,
    enabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'EventSubscription' });
export type SubscriptionView = z.infer<typeof subscriptionSchema>;

export const createdSubscriptionSchema = subscriptionSchema.extend({
  secret: z
    .string()
    .nullable()
    .describe('A webhook’s signing secret, shown this once (null for other targets)'),
});

export const deliverySchema = z
  .object({
    id: z.string().describe('Also the Idempotency-Key header of every attempt'),
    subscription_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: 'EventDelivery' });
export type DeliveryView = z.infer<typeof deliverySchema>;

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  ok: z.boolean(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  response_ms: z.number().int(),
  at: z.string(),
});

export const deliveryDetailSchema = deliverySchema.extend({ log: z.array(deliveryAttemptSchema) });
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const listDeliveriesQuerySchema = z.object({
  subscription_id: z.string().optional(),
  status: z.enum(['pending', 'delivered', 'dead']).optional().describe('dead: the dead letters'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListDeliveriesQuery = z.input<typeof listDeliveriesQuerySchema>;

export const deliveryPageSchema = z.object({
  items: z.array(deliverySchema),
  next_cursor: z.string().nullable(),
});

export const testDeliverySchema = z
  .object({
    subscription_id: z.string(),
    event_id: z.string().describe('The custom.test event’s id: its delivery shows in the log under it'),
    event_type: z.string(),
  })
  .meta({ id: 'EventTestDelivery' });
export type TestDelivery = z.infer<typeof testDeliverySchema>;
