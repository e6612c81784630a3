import { formatSSEErrorEvent, formatSSEEvent, SSE_HEADERS } from '@a2a-js/sdk';
import { JsonRpcTransportHandler, ServerCallContext, validateVersion } from '@a2a-js/sdk/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { A2AError } from '@a2a-js/sdk/errors';
import { DomainError } from '../../../errors.js';
import { hideInternalError, internalErrorMessage } from '../../../public-error.js';
import { idParams } from '../../../http/route-params.js';
import type { Logger } from '../../../logger.js';
import { agentCardJson, agentCardOf } from './agent-card.js';
import { A2aCaller } from './caller.js';
import type { A2aServer } from './server.js';

/** The address the caller reached us at, for the card's endpoint (behind a proxy: TRUST_PROXY). */
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

type JsonRpcAnswer = Awaited<ReturnType<JsonRpcTransportHandler['handle']>>;

/**
 * A2A over JSON-RPC at /a2a/agents/{id} and each agent's card at
 * /a2a/agents/{id}/.well-known/agent-card.json. The caller is resolved like any API caller (an API
 * key or OAuth token as a bearer token, or the session); an agent they may not read is a 404.
 */
export function registerA2aRoutes(
  app: FastifyInstance,
  { server, logger }: { server: A2aServer; logger: Logger },
) {
  app.route({
    method: 'GET',
    url: '/a2a/agents/:id/.well-known/agent-card.json',
    config: { scope: 'api:read' },
    schema: { hide: true },
    handler: async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const agent = await server.agentFor(request.user, id);
      return reply
        .header('cache-control', 'no-cache')
        .send(agentCardJson(agentCardOf(agent, baseUrlOf(request))));
    },
  });

  app.route({
    method: 'POST',
    url: '/a2a/agents/:id',
    config: { scope: 'api:write' },
    schema: { hide: true },
    handler: async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const agent = await server.agentFor(request.user, id);
      const handler = server.handlerFor(agent, baseUrlOf(request));
      const version = request.headers['a2a-version'];
      const context = new ServerCallContext({
        user: new A2aCaller(request.user, agent.id),
        ...(typeof version === 'string' ? { requestedVersion: version } : {}),
      });
      const body = request.body as Record<string, unknown> | undefined;
      let answer: JsonRpcAnswer;
      try {
        validateVersion(context.requestedVersion, await handler.getAgentCard(), 'JSONRPC');
        answer = await new JsonRpcTransportHandler(handler).handle(body ?? {}, context);
      } catch (error) {
        return reply.send(rpcError(body, error, logger));
      }
      if (!(Symbol.asyncIterator in answer)) return reply.send(answer);
      await stream(reply, answer, body, logger);
    },
  });
}

/** A JSON-RPC error answer; an error that is neither the SDK's nor ours is logged and not shown. */
function rpcError(body: Record<string, unknown> | undefined, error: unknown, logger: Logger) {
  const shown =
    error instanceof A2AError || error instanceof DomainError
      ? error
      : new Error(internalErrorMessage(hideInternalError(error, { logger })));
  return { jsonrpc: '2.0', id: body?.id ?? null, error: JsonRpcTransportHandler.mapToJSONRPCError(shown) };
}

/** Writes a streaming answer as server-sent events, one JSON-RPC response each. */
async function stream(
  reply: FastifyReply,
  events: AsyncGenerator<unknown, void, undefined>,
  body: Record<string, unknown> | undefined,
  logger: Logger,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, SSE_HEADERS);
  try {
    for await (const event of events) {
      if (raw.destroyed) break;
      raw.write(formatSSEEvent(event));
    }
  } catch (error) {
    logger.warn({ err: error }, 'an A2A stream ended with an error');
    if (!raw.destroyed) raw.write(formatSSEErrorEvent(rpcError(body, error, logger)));
  } finally {
    if (!raw.writableEnded) raw.end();
  }
}
