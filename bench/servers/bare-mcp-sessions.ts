/**
 * The bare MCP baselines' sessions: the official SDK's McpServer with the echo tool Switchboard's
 * fixtures have, over the SDK's own Streamable HTTP transport, kept in memory: no auth, audit or
 * database. `transportFor` finds a request's session, or opens one for an initialize.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const sessions = new Map<string, StreamableHTTPServerTransport>();

function newSession(): StreamableHTTPServerTransport {
  const server = new McpServer({ name: 'bare', version: '1.0.0' });
  server.registerTool(
    'echo',
    { inputSchema: { message: z.string() }, outputSchema: { message: z.string() } },
    async ({ message }) => ({
      content: [{ type: 'text', text: message }],
      structuredContent: { message },
    }),
  );
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => void sessions.set(id, transport),
  });
  void server.connect(transport);
  return transport;
}

/** The request's session (by its mcp-session-id), a new one for an initialize, else undefined. */
export function transportFor(request: IncomingMessage, body: unknown) {
  const sessionId = request.headers['mcp-session-id'];
  if (typeof sessionId === 'string') return sessions.get(sessionId);
  return isInitializeRequest(body) ? newSession() : undefined;
}
