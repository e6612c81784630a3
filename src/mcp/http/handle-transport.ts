import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../logger.js';
import { hideInternalError, internalErrorMessage } from '../../public-error.js';
import { requestIdHeader } from '../hidden-error.js';
import { rpcError } from './json-rpc-error.js';
import { webRequestOf, writeWebResponse } from './web-exchange.js';

/**
 * Hands the request to the session's SDK transport and writes its answer (JSON or an SSE stream).
 * Handlers report a failure under this request's id (the request they see carries it), and the
 * answer names it as every other answer does. A failure before anything was sent is logged once
 * and answered -32603 with the request id as its reference.
 */
export async function handleWithTransport({
  request,
  reply,
  transport,
  logger,
}: {
  request: FastifyRequest;
  reply: FastifyReply;
  transport: WebStandardStreamableHTTPServerTransport;
  logger: Logger;
}): Promise<void> {
  reply.hijack();
  const response = reply.raw;
  response.setHeader('x-request-id', request.id);
  try {
    const webRequest = webRequestOf(request.raw, { [requestIdHeader]: request.id });
    await writeWebResponse(await transport.handleRequest(webRequest, { parsedBody: request.body }), response);
  } catch (error) {
    const reference = hideInternalError(error, { logger, requestId: request.id });
    if (!response.headersSent)
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify(rpcError(-32603, internalErrorMessage(reference, 'Internal error'))));
    else response.destroy();
  }
}
