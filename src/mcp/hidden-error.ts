import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../logger.js';
import { hideInternalError, internalErrorMessage } from '../public-error.js';

/** The header that carries our request id to MCP request handlers (the SDK hands them its headers). */
export const requestIdHeader = 'x-request-id';

/** What an MCP request handler knows of the HTTP request it came in (nothing over stdio). */
export interface McpRequestExtra {
  requestInfo?: { headers: Record<string, string | string[] | undefined> };
}

/** The id of the HTTP request an MCP request came in, if it came over HTTP. */
export function requestIdOf(extra: McpRequestExtra | undefined): string | undefined {
  const value = extra?.requestInfo?.headers[requestIdHeader];
  return typeof value === 'string' ? value : undefined;
}

/**
 * An unexpected failure as MCP may show it: a protocol error passes through; anything else is
 * logged once and answered with its reference only (the SDK would hand the raw message — SQL text
 * included — to the client). The reference is the HTTP request's id where there is one.
 */
export function hidden(error: unknown, logger: Logger, extra?: McpRequestExtra): McpError {
  if (error instanceof McpError) return error;
  const reference = hideInternalError(error, { logger, requestId: requestIdOf(extra) });
  return new McpError(ErrorCode.InternalError, internalErrorMessage(reference, 'Internal error'));
}
