import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { fixtureMcpServer } from '../fixtures/mcp-tools.js';

/**
 * A real MCP server on a random loopback port: the SDK's McpServer over Streamable HTTP (sessions
 * in memory) with the fixture tools. With `token`, requests without `Authorization: Bearer <token>`
 * get 401.
 */
export async function startMcpTestServer({ token }: { token?: string } = {}) {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const listener = http.createServer(async (request, response) => {
    if (token && request.headers.authorization !== `Bearer ${token}`)
      return void response.writeHead(401).end('unauthorized');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    const sessionId = request.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (!transport && isInitializeRequest(body)) {
      const opened = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(id, opened),
      });
      await fixtureMcpServer().connect(opened);
      transport = opened;
    }
    if (!transport) return void response.writeHead(404).end();
    await transport.handleRequest(request, response, body);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/mcp`,
    /** Stops answering: open connections are cut, new ones refused. */
    async stop() {
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      sessions.clear();
      listener.closeAllConnections();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
