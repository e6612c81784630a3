import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { EventBus } from '../bus/event-bus.js';
import type { Config } from '../config.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { trustedOrigins } from '../http/origins.js';
import type { Logger } from '../logger.js';
import { requireScope } from '../modules/identity/index.js';
import type { UserActor } from '../actor.js';
import { buildMcpServer, type McpServices, type McpSession } from './build-mcp-server.js';
import { createSessionEventStore } from './event-store.js';
import { invalidInitialize } from './invalid-params.js';

interface Session {
  transport: StreamableHTTPServerTransport;
  server: Server;
  onEvent: McpSession['onEvent'];
  userId: string;
  /** The API key the session was opened with, if any. */
  apiKeyId?: string;
  lastSeen: number;
}

/** The most sessions one user keeps open; opening one more closes their least recently used. */
const sessionsPerUser = 20;
/** A session unused this long is closed; its client re-initializes (it gets 404 for the old id). */
const sessionIdleMs = 30 * 60_000;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Streamable HTTP at /mcp: sessions in memory (a client whose session is gone — idle, or a restart —
 * gets 404 and initializes again, as the protocol says), SSE resumption from a per-session event
 * store, Origin and Host checks against DNS rebinding, and OAuth protected-resource metadata
 * (RFC 9728) for clients that arrive without credentials.
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
    actorWithoutCredentials?: () => Promise<UserActor>;
  },
) {
  const sessions = new Map<string, Session>();
  const allowedOrigins = trustedOrigins(config);
  const resource = `${config.publicUrl}/mcp`;
  const metadataUrl = `${config.publicUrl}/.well-known/oauth-protected-resource/mcp`;
  const allowedHosts = new Set([
    ...loopbackHosts,
    ...[...allowedOrigins].map((origin) => new URL(origin).hostname),
  ]);

  const resourceMetadata = async () => ({
    resource,
    authorization_servers: [await authorizationServer()],
    scopes_supported: ['mcp'],
    bearer_methods_supported: ['header'],
    resource_name: 'Switchboard',
  });
  for (const url of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
    app.get(url, { schema: { hide: true } }, resourceMetadata);
  }

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/mcp')) return;
    // RFC 6750 §3.1: a token that was sent and refused is invalid_token; no credentials, no error code.
    if (reply.statusCode === 401)
      reply.header(
        'www-authenticate',
        request.headers.authorization
          ? `Bearer error="invalid_token", resource_metadata="${metadataUrl}"`
          : `Bearer resource_metadata="${metadataUrl}"`,
      );
    if (reply.statusCode === 403)
      reply.header(
        'www-authenticate',
        `Bearer error="insufficient_scope", scope="mcp", resource_metadata="${metadataUrl}"`,
      );
  });

  const sweep = setInterval(() => {
    const cutoff = Date.now() - sessionIdleMs;
    for (const session of sessions.values()) if (session.lastSeen < cutoff) void session.transport.close();
  }, 60_000).unref();
  // preClose, not onClose: open SSE streams would otherwise hold the server's close until the timeout.
  app.addHook('preClose', async () => {
    clearInterval(sweep);
    stopWatching();
    await Promise.all([...sessions.values()].map((session) => session.transport.close()));
  });

  /** Keeps a user's open sessions under the cap by closing the least recently used. */
  function makeRoomFor(userId: string) {
    const theirs = [...sessions.values()]
      .filter((session) => session.userId === userId)
      .sort((a, b) => a.lastSeen - b.lastSeen);
    for (const session of theirs.slice(0, Math.max(0, theirs.length - sessionsPerUser + 1)))
      void session.transport.close();
  }

  async function openSession(userActor: UserActor): Promise<StreamableHTTPServerTransport> {
    makeRoomFor(userActor.userId);
    const { server, onEvent } = buildMcpServer({ ...services, actor: userActor, logger });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore: createSessionEventStore(),
      onsessioninitialized: (id) =>
        void sessions.set(id, {
          transport,
          server,
          onEvent,
          userId: userActor.userId,
          apiKeyId: userActor.credential.kind === 'api_key' ? userActor.credential.id : undefined,
          lastSeen: Date.now(),
        }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return transport;
  }

  // Each open session hears what the event changed among what its user can see.
  const stopWatching = bus.subscribe('*', (event) => {
    for (const session of sessions.values()) session.onEvent(event);
    // A session holds the actor it was opened with: when that changes, the client must start over
    // (a revoked key, a deactivated or re-roled account).
    if (event.type === 'api_key.revoked' || event.type === 'user.updated') {
      for (const session of sessions.values()) {
        const revoked = event.type === 'api_key.revoked' && session.apiKeyId === event.data.apiKeyId;
        if (revoked || (event.type === 'user.updated' && session.userId === event.data.userId))
          void session.transport.close();
      }
    }
  });

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    // Against DNS rebinding: a page on another name that resolves here sends its own name as Host
    // and Origin, so both must be names we serve, never just "the origin this request came to".
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new ForbiddenError('ORIGIN_REJECTED', 'Requests to /mcp from this origin are refused');
    }
    if (!allowedHosts.has(hostnameOf(request.headers.host))) {
      throw new ForbiddenError(
        'HOST_REJECTED',
        'This server answers /mcp only for its own host names (set PUBLIC_URL)',
      );
    }
    const actor = request.actor ? requireScope(request.actor, 'mcp') : await actorWithoutCredentials?.();
    if (!actor) throw new UnauthenticatedError();
    const sessionId = request.headers['mcp-session-id'];

    let transport: StreamableHTTPServerTransport;
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      // Another user's session id is as unknown as an expired one.
      if (!session || session.userId !== actor.userId)
        return reply.status(404).send(rpcError(-32001, 'Session not found: initialize a new session'));
      session.lastSeen = Date.now();
      transport = session.transport;
    } else if (request.method === 'POST' && isInitializeRequest(request.body)) {
      transport = await openSession(actor);
    } else if (request.method === 'POST' && invalidInitialize(request.body)) {
      return reply.status(400).send(invalidInitialize(request.body));
    } else {
      return reply
        .status(400)
        .send(
          rpcError(-32000, 'No session: send an initialize request first, then the Mcp-Session-Id header'),
        );
    }
    reply.hijack();
    try {
      await transport.handleRequest(request.raw, reply.raw, request.body);
    } catch (error) {
      logger.error({ err: error, requestId: request.id }, 'MCP request failed');
      if (!reply.raw.headersSent)
        reply.raw
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify(rpcError(-32603, `Internal error. Reference: ${request.id}`)));
    }
  };

  app.route({ method: ['GET', 'POST', 'DELETE'], url: '/mcp', schema: { hide: true }, handler: handle });
}

function hostnameOf(host: string | undefined): string {
  try {
    return new URL(`http://${host ?? ''}`).hostname;
  } catch {
    return '';
  }
}

function rpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}
