import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../bus/event-bus.js';
import type { Config } from '../config.js';
import { errorBody } from '../http/error-body.js';
import type { Logger } from '../logger.js';
import { concernsSessions, type McpServices } from './build-mcp-server.js';
import { type ActorWithoutCredentials, fixtureActorHooks } from './http/authenticate.js';
import { handleWithTransport } from './http/handle-transport.js';
import { createHostAndOriginCheck } from './http/host-and-origin.js';
import { openSession } from './http/open-session.js';
import { registerProtectedResource } from './http/protected-resource.js';
import { closeAllSessions, closeSessionsOnCredentialChange, startIdleSweep } from './http/session-cleanup.js';
import { sessionFor, sessionOpenedFor } from './http/session-lookup.js';
import type { HttpSessions } from './http/sessions.js';

/**
 * Streamable HTTP at /mcp: sessions in memory (a client whose session is gone — idle, or a restart —
 * gets 404 and initializes again, as the protocol says), SSE resumption from a per-session event
 * store, Origin and Host checks against DNS rebinding, and OAuth protected-resource metadata
 * (RFC 9728) for clients that arrive without credentials. Each job is a file in `http/`.
 */
export function registerMcpEndpoint(
  app: FastifyInstance,
  {
    services,
    bus,
    config,
    logger,
    authorizationServer,
    actorWithoutCredentials,
  }: {
    services: McpServices;
    bus: EventBus;
    config: Config;
    logger: Logger;
    authorizationServer: () => Promise<string>;
    /** Who a request without credentials acts as; unset (always, but in fixture mode), it gets 401. */
    actorWithoutCredentials?: ActorWithoutCredentials;
  },
) {
  const sessions: HttpSessions = new Map();
  const checkHostAndOrigin = createHostAndOriginCheck(config);
  const { challenge } = registerProtectedResource(app, { publicUrl: config.publicUrl, authorizationServer });

  const stopSweeping = startIdleSweep(sessions);
  // Each open session hears what the event changed among what its user can see.
  const stopWatching = bus.subscribe('*', (event) => {
    if (!concernsSessions(event)) return;
    for (const session of sessions.values()) session.onEvent(event);
    closeSessionsOnCredentialChange(sessions, event);
  });
  // preClose, not onClose: open SSE streams would otherwise hold the server's close until the timeout.
  app.addHook('preClose', async () => {
    stopSweeping();
    stopWatching();
    await closeAllSessions(sessions);
  });

  app.route({
    method: ['GET', 'POST', 'DELETE'],
    url: '/mcp',
    config: { scope: 'mcp' },
    schema: { hide: true },
    onRequest: fixtureActorHooks(actorWithoutCredentials),
    onSend: challenge,
    handler: async (request, reply) => {
      checkHostAndOrigin(request);
      const actor = request.user;
      const found =
        sessionFor({ request, actor, sessions }) ??
        (await sessionOpenedFor({
          request,
          open: () => openSession({ sessions, services, logger, actor }),
        }));
      if ('error' in found) return reply.status(found.status).send(found.error);
      await handleWithTransport({ request, reply, transport: found.transport, logger });
    },
  });
  // The other methods are routed too, so that a client without credentials is pointed at the
  // metadata as on GET and POST, and one with credentials hears which methods there are.
  app.route({
    method: ['PUT', 'PATCH'],
    url: '/mcp',
    config: { scope: 'mcp' },
    schema: { hide: true },
    onRequest: fixtureActorHooks(actorWithoutCredentials),
    onSend: challenge,
    handler: (request, reply) =>
      reply
        .status(405)
        .header('allow', 'GET, POST, DELETE')
        .send(
          errorBody(
            'METHOD_NOT_ALLOWED',
            `/mcp answers GET, POST and DELETE, not ${request.method}`,
            request.id,
          ),
        ),
  });
}
