import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ForbiddenError } from '../../errors.js';
import { errorBodySchema } from '../../http/error-body.js';
import { originAllowed, trustedOrigins } from '../../http/origins.js';
import { serveEventSocket } from './live-socket.js';
import { eventPageSchema, eventQuerySchema } from './schema.js';
import type { EventFeed } from './service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/**
 * GET /api/v1/events: over HTTP, the caller's event history; upgraded to a WebSocket, their new
 * events as they happen. Credentials are checked before the upgrade (401/403 as plain HTTP); a
 * cookie-authenticated upgrade must come from a trusted origin, so another site cannot open one
 * with the user's cookie.
 */
export function registerEventRoutes(
  app: FastifyInstance,
  feed: EventFeed,
  options: { publicUrl: string; trustedOrigins: string[]; pingIntervalMs?: number },
) {
  const allowed = trustedOrigins(options);
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;

  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/v1/events',
    config: { scope: 'api:read' },
    schema: {
      tags: ['events'],
      summary: 'Your events, newest first (or, upgraded to a WebSocket, each new one as it happens)',
      querystring: eventQuerySchema,
      response: { 200: eventPageSchema, ...errors },
    },
    preHandler: async (request) => {
      if (request.ws && request.user.credential.kind === 'session' && !originAllowed(request, allowed))
        throw new ForbiddenError(
          'CROSS_SITE_WEBSOCKET',
          'This WebSocket was opened from another site and was refused',
        );
    },
    handler: (request) => feed.history(request.user, request.query),
    wsHandler: (socket, request) =>
      serveEventSocket({
        socket,
        feed,
        actor: request.user,
        types: request.query.types,
        pingIntervalMs,
      }),
  });
}
