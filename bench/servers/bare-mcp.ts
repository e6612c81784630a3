/**
 * The baseline: the official SDK's McpServer with the same echo tool over Streamable HTTP
 * (sessions in memory), on a bare Node HTTP server: no auth, audit, database or Fastify.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
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

const listener = http.createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
  const sessionId = request.headers['mcp-session-id'];
  const transport =
    typeof sessionId === 'string'
      ? sessions.get(sessionId)
      : isInitializeRequest(body)
        ? newSession()
        : undefined;
  if (!transport) return void response.writeHead(404).end();
  await transport.handleRequest(request, response, body);
});
listener.listen(0, '127.0.0.1', () => {
  const address = listener.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.once('SIGTERM', () => process.exit(0));
