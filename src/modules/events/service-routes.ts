import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../http/error-body.js';
import { idParams } from '../../http/route-params.js';
import { routeGroup } from '../../http/route-group.js';
import { eventStatsQuerySchema, eventStatsSchema, eventVolumesSchema } from './analytics-schema.js';
import { eventTypeSchema } from './event-catalog.js';
import type { EventsService } from './events-service.js';
import { publishEventInputSchema } from './publish-schema.js';
import { wireEventSchema } from './schema.js';
import {
  createdSubscriptionSchema,
  createSubscriptionInputSchema,
  deliveryDetailSchema,
  deliveryPageSchema,
  deliverySchema,
  listDeliveriesQuerySchema,
  testDeliverySchema,
  subscriptionSchema,
  updateSubscriptionInputSchema,
} from './subscription-schema.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 413, 422, 503);

/**
 * Events beyond the feed: publishing custom events, the type catalog, analytics (and admins'
 * volumes), subscriptions, and their deliveries with the dead letters' replay.
 */
export function registerEventServiceRoutes(app: FastifyInstance, service: EventsService) {
  const route = routeGroup(app, { tags: ['events'], errors });

  route(
    {
      method: 'POST',
      url: '/api/v1/events',
      scope: 'api:write',
      summary:
        'Publish an event of your own, in the custom.* namespace (a JSON object payload, at most 64 KiB)',
      body: publishEventInputSchema,
      status: 201,
      response: wireEventSchema,
    },
    (request) => service.publish(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/events/types',
      scope: 'api:read',
      summary: 'Every event type the server publishes, with its payload’s JSON Schema',
      response: z.object({ items: z.array(eventTypeSchema) }),
    },
    async () => ({ items: service.types() }),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/events/stats',
      scope: 'api:read',
      summary: 'Your events counted per type per hour or day, and your deliveries’ success rate and latency',
      querystring: eventStatsQuerySchema,
      response: eventStatsSchema,
    },
    (request) => service.analytics.stats(request.user, request.query),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/admin/event-volumes',
      scope: 'admin',
      summary: 'Every user’s event counts per type per hour or day (counts only, never payloads)',
      querystring: eventStatsQuerySchema,
      response: eventVolumesSchema,
    },
    (request) => service.analytics.volumes(request.user, request.query),
  );

  const { subscriptions, deliveries } = service;
  route(
    {
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      scope: 'api:write',
      summary:
        'Subscribe a workflow, an agent or a webhook to your events (a webhook’s secret is shown once)',
      body: createSubscriptionInputSchema,
      status: 201,
      response: createdSubscriptionSchema,
    },
    (request) => subscriptions.create(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/event-subscriptions',
      scope: 'api:read',
      summary: 'Your event subscriptions, newest first',
      response: z.object({ items: z.array(subscriptionSchema) }),
    },
    async (request) => ({ items: await subscriptions.list(request.user) }),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/event-subscriptions/:id',
      scope: 'api:read',
      summary: 'One of your event subscriptions',
      params: idParams,
      response: subscriptionSchema,
    },
    (request) => subscriptions.get(request.user, request.params.id),
  );
  route(
    {
      method: 'PATCH',
      url: '/api/v1/event-subscriptions/:id',
      scope: 'api:write',
      summary: 'Change a subscription’s name, filter or enabled flag',
      params: idParams,
      body: updateSubscriptionInputSchema,
      response: subscriptionSchema,
    },
    (request) => subscriptions.update(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/event-subscriptions/:id',
      scope: 'api:write',
      summary: 'Delete a subscription and its delivery log',
      params: idParams,
      status: 204,
    },
    (request) => subscriptions.remove(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/event-subscriptions/:id/test',
      scope: 'api:write',
      summary:
        'Send a custom.test event to this subscription’s target, whatever its filter; the delivery shows in the log',
      params: idParams,
      status: 202,
      response: testDeliverySchema,
    },
    (request) => service.sendTestDelivery(request.user, request.params.id),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/event-deliveries',
      scope: 'api:read',
      summary: 'Your deliveries, newest first; status=dead lists the dead letters',
      querystring: listDeliveriesQuerySchema,
      response: deliveryPageSchema,
    },
    (request) => deliveries.list(request.user, request.query),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/event-deliveries/:id',
      scope: 'api:read',
      summary: 'One delivery with its log: each attempt’s outcome and response time',
      params: idParams,
      response: deliveryDetailSchema,
    },
    (request) => deliveries.get(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/event-deliveries/:id/replay',
      scope: 'api:write',
      summary: 'Send a dead letter again, with a fresh round of retries',
      params: idParams,
      status: 202,
      response: deliverySchema,
    },
    (request) => deliveries.replay(request.user, request.params.id),
  );
}
