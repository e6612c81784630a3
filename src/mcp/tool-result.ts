import { type CallToolResult, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { DomainError } from '../errors.js';
import type { Logger } from '../logger.js';
import { publicError } from '../public-error.js';
import { ToolNotFoundError } from '../tools/errors.js';
import { errorResult, type ToolCallResult } from '../tools/tool-runner.js';
import { hidden, type McpRequestExtra } from './hidden-error.js';

/**
 * A tool result as MCP carries it. A failure has no structuredContent (it would not match the
 * tool's output schema, and clients validate it): its error_code rides in the text and in _meta,
 * with the error's details (CONTEXT_CONFLICT's `current` value) as REST's error body has them.
 */
export function toCallToolResult(result: ToolCallResult): CallToolResult {
  if (!result.isError) return result;
  return { content: result.content, isError: true, _meta: { 'switchboard/error': result.structuredContent } };
}

/**
 * The one mapping from what a `tools/call` threw to MCP's answer: an unknown tool is a protocol
 * error (-32602); any other DomainError — bad arguments included, a tool execution error the model
 * can correct since 2025-11-25 (SEP-1303) — an `isError` result with its error_code; anything else
 * a protocol internal error with its reference only. Throw the answer when it is an McpError.
 */
export function callToolFailure(
  error: unknown,
  { logger, extra }: { logger: Logger; extra?: McpRequestExtra },
): CallToolResult | McpError {
  if (error instanceof ToolNotFoundError)
    return new McpError(ErrorCode.InvalidParams, error.message, { error_code: error.code });
  if (error instanceof DomainError)
    return toCallToolResult(errorResult(publicError(error, { logger }), error.details));
  return hidden(error, logger, extra);
}
