import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** Items per page of an MCP list (tools/list, resources/list, prompts/list). */
export const mcpPageSize = 50;

/** A page of an in-memory list; the cursor is the opaque offset of the next page. */
export function paginate<T>(all: T[], cursor: string | undefined): { items: T[]; nextCursor?: string } {
  const start = cursor === undefined ? 0 : Number.parseInt(Buffer.from(cursor, 'base64url').toString(), 10);
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw new McpError(ErrorCode.InvalidParams, 'Invalid cursor');
  const end = start + mcpPageSize;
  return {
    items: all.slice(start, end),
    ...(end < all.length ? { nextCursor: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}
