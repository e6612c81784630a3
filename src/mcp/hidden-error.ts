import { randomUUID } from 'node:crypto';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../logger.js';

/**
 * An unexpected failure as MCP may show it: a protocol error passes through; anything else is
 * logged in full and answered with a reference only (the SDK would hand the raw message — SQL text
 * included — to the client).
 */
export function hidden(error: unknown, logger: Logger): McpError {
  if (error instanceof McpError) return error;
  const reference = randomUUID();
  logger.error({ err: error, reference }, 'MCP request failed');
  return new McpError(ErrorCode.InternalError, `Internal error. Reference: ${reference}`);
}
