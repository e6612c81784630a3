/**
 * The baseline: the official SDK's McpServer with the same echo tool over Streamable HTTP
 * (sessions in memory), on a bare Node HTTP server: no auth, audit, database or Fastify.
 */
import http from 'node:http';
import { transportFor } from './bare-mcp-sessions.js';

const listener = http.createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
  const transport = transportFor(request, body);
  if (!transport) return void response.writeHead(404).end();
  await transport.handleRequest(request, response, body);
});
listener.listen(0, '127.0.0.1', () => {
  const address = listener.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.once('SIGTERM', () => process.exit(0));
