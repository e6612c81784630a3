import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../logger.js';
import { rpcError } from './json-rpc-error.js';

/**
 * Hands the request to the session's SDK transport, which writes the answer (JSON or an SSE stream)
 * itself. A failure before anything was sent is logged and answered -32603 with the request id.
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
  try {
    await transport.handleRequest(request.raw, reply.raw, request.body);
  } catch (error) {
    logger.error({ err: error, requestId: request.id }, 'MCP request failed');
    if (!reply.raw.headersSent)
      reply.raw
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify(rpcError(-32603, `Internal error. Reference: ${request.id}`)));
  }
}
