import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { errorResult, type ToolCallResult } from '../../tools/tool-runner.js';

/** The code of every failed call to an external server's tool, whatever went wrong. */
export const mcpServerErrorCode = 'MCP_SERVER_ERROR';

/** The fields of a call result we read; the SDK's type also admits the 2024 `toolResult` form. */
interface RemoteResult {
  content?: unknown;
  structuredContent?: unknown;
  isError?: unknown;
  toolResult?: unknown;
}

type Block = { type?: unknown; text?: unknown; mimeType?: unknown; uri?: unknown; resource?: unknown };

/** One content block as text: text as it is, anything else as a short note of what it was. */
function blockText(block: Block): string {
  if (block.type === 'text' && typeof block.text === 'string') return block.text;
  if (block.type === 'image' || block.type === 'audio') return `[${block.type}: ${String(block.mimeType)}]`;
  if (block.type === 'resource_link') return `[resource link: ${String(block.uri)}]`;
  if (block.type === 'resource') {
    const resource = (block.resource ?? {}) as Block;
    return typeof resource.text === 'string' ? resource.text : `[resource: ${String(resource.uri)}]`;
  }
  return `[${String(block.type)} content]`;
}

/**
 * An external server's answer in our result shape: text content kept (other kinds noted), the
 * structured result kept, or `{ text }` when the server sent none (the assistant reads the
 * structured part). A result the tool marked as an error becomes MCP_SERVER_ERROR with its text.
 */
export function toToolCallResult(result: RemoteResult, serverName: string): ToolCallResult {
  const blocks = Array.isArray(result.content) ? (result.content as Block[]) : [];
  const texts =
    'toolResult' in result && blocks.length === 0
      ? [JSON.stringify(result.toolResult)]
      : blocks.map(blockText);
  const text = texts.join('\n');
  if (result.isError === true)
    return errorResult({
      code: mcpServerErrorCode,
      message: `The tool on "${serverName}" failed: ${text || 'it gave no reason'}`,
    });
  const structured = result.structuredContent;
  return {
    content: texts.map((item) => ({ type: 'text', text: item })),
    structuredContent:
      structured && typeof structured === 'object' && !Array.isArray(structured)
        ? (structured as Record<string, unknown>)
        : { text },
    isError: false,
  };
}

/** Why connecting, listing or calling failed, in words for a person (and a model). */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout)
    return `It did not answer within ${timeoutMs / 1000} s`;
  if (error instanceof StreamableHTTPError && (error.code === 401 || error.code === 403))
    return `It refused the credentials (HTTP ${error.code}): check the server's headers, e.g. Authorization`;
  if (error instanceof StreamableHTTPError && error.code !== undefined && error.code > 0)
    return `It answered HTTP ${error.code}: ${error.message}`.slice(0, 500);
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message}${cause}`.slice(0, 500);
}

/** True for failures of the connection itself, after which it is opened again; false for answers and timeouts. */
export function brokeTheConnection(error: unknown): boolean {
  return !(error instanceof McpError) || error.code === ErrorCode.ConnectionClosed;
}
