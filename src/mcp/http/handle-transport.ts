import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../logger.js';
import { hideInternalError, internalErrorMessage } from '../../public-error.js';
import { stampRequestId } from '../hidden-error.js';
import { rpcError } from './json-rpc-error.js';

/**
 * Hands the request to the session's SDK transport, which writes the answer (JSON or an SSE stream)
 * itself. Handlers report a failure under this request's id (stamped on the raw request), and
 * the answer names it as every other answer does. A failure before anything was sent is logged
 * once and answered -32603 with the request id as its reference.
 */
export async function handleWithTransport({
  request,
  reply,
  transport,
  logger,
}: {
  request: FastifyRequest;
  reply: FastifyReply;
  transport: StreamableHTTPServerTransport;
  logger: Logger;
}): Promise<void> {
  reply.hijack();
  stampRequestId(request.raw, request.id);
  reply.raw.setHeader('x-request-id', request.id);
  try {
    await transport.handleRequest(request.raw, reply.raw, request.body);
  } catch (error) {
    const reference = hideInternalError(error, { logger, requestId: request.id });
    if (!reply.raw.headersSent)
      reply.raw
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify(rpcError(-32603, internalErrorMessage(reference, 'Internal error'))));
  }
}
