/**
 * The events module's isolation rows: custom events, the type catalog, analytics (and admins'
 * volumes), subscriptions and their deliveries. Appended to rows.ts and mcp-rows.ts.
 */
import { newId } from '../../src/ids.js';
import { eventDeliveries } from '../../src/modules/events/table.js';
import type { McpToolRow } from './mcp-rows.js';
import type { AdminRow, OwnedRow, Request, RowContext } from './rows.js';

const fixed = (url: string, payload?: unknown) => async () => ({ url, payload });

/** A fresh webhook subscription of the owner's (its URL never answers: nothing here waits on it). */
async function ownerSubscription({ app, ownerCookie }: RowContext): Promise<string> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/event-subscriptions',
    headers: { cookie: ownerCookie },
    payload: {
      name: 'Owner’s subscription',
      pattern: 'custom.owner.*',
      target: { kind: 'webhook', url: 'https://receiver.invalid/hook' },
    },
  });
  if (response.statusCode !== 201) throw new Error(`subscription as the owner: ${response.body}`);
  return response.json().id;
}

/** A dead letter of the owner's: a delivery whose retries ran out, written as the runner leaves one. */
async function ownerDeadDelivery(context: RowContext): Promise<string> {
  const subscriptionId = await ownerSubscription(context);
  const me = await context.app.http.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: context.ownerCookie },
  });
  const ownerId: string = me.json().id;
  const id = newId();
  const eventId = newId();
  const now = new Date();
  await context.app.database.db.insert(eventDeliveries).values({
    id,
    subscriptionId,
    ownerId,
    eventId,
    eventType: 'custom.owner.thing',
    event: {
      id: eventId,
      type: 'custom.owner.thing',
      at: now.toISOString(),
      actor: { user_id: ownerId, via: 'http' },
      data: { words: 'owner-only words' },
    },
    status: 'dead',
    attempts: 4,
    lastError: 'The receiver answered 503',
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

const withSubscription = (build: (id: string) => Request) => async (context: RowContext) =>
  build(await ownerSubscription(context));
const withDeadDelivery = (build: (id: string) => Request) => async (context: RowContext) =>
  build(await ownerDeadDelivery(context));

export const eventRows: OwnedRow[] = [
  {
    method: 'POST',
    route: '/api/v1/events',
    scope: 'api:write',
    request: fixed('/api/v1/events', { type: 'custom.matrix', data: { n: 1 } }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/events/types',
    scope: 'api:read',
    request: fixed('/api/v1/events/types'),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/events/stats',
    scope: 'api:read',
    request: fixed('/api/v1/events/stats?bucket=day'),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/event-subscriptions',
    scope: 'api:write',
    request: fixed('/api/v1/event-subscriptions', {
      name: 'matrix',
      pattern: 'custom.*',
      target: { kind: 'webhook', url: 'https://receiver.invalid/hook' },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/event-subscriptions',
    scope: 'api:read',
    request: withSubscription(() => ({ url: '/api/v1/event-subscriptions' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/event-subscriptions/:id',
    scope: 'api:read',
    request: withSubscription((id) => ({ url: `/api/v1/event-subscriptions/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'PATCH',
    route: '/api/v1/event-subscriptions/:id',
    scope: 'api:write',
    request: withSubscription((id) => ({
      url: `/api/v1/event-subscriptions/${id}`,
      payload: { enabled: false },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/event-subscriptions/:id',
    scope: 'api:write',
    request: withSubscription((id) => ({ url: `/api/v1/event-subscriptions/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/event-subscriptions/:id/test',
    scope: 'api:write',
    request: withSubscription((id) => ({ url: `/api/v1/event-subscriptions/${id}/test` })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/event-deliveries',
    scope: 'api:read',
    request: withDeadDelivery(() => ({ url: '/api/v1/event-deliveries?status=dead' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/event-deliveries/:id',
    scope: 'api:read',
    request: withDeadDelivery((id) => ({ url: `/api/v1/event-deliveries/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/event-deliveries/:id/replay',
    scope: 'api:write',
    request: withDeadDelivery((id) => ({ url: `/api/v1/event-deliveries/${id}/replay` })),
    otherUser: 'not_found',
  },
];

export const eventAdminRows: AdminRow[] = [
  {
    method: 'GET',
    route: '/api/v1/admin/event-volumes',
    request: fixed('/api/v1/admin/event-volumes?bucket=day'),
  },
];

export const eventMcpRows: McpToolRow[] = [
  {
    tool: 'publish_event',
    arguments: async () => ({ type: 'custom.matrix', data: { n: 1 } }),
    otherUser: 'own_items_only',
  },
];
