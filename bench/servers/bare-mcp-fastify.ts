/**
 * The bare SDK server of bare-mcp.ts mounted on a bare Fastify route: what Fastify itself costs an
 * MCP call (Switchboard's /mcp is a Fastify route), with none of Switchboard's hooks, auth, audit
 * or database.
 */
import Fastify from 'fastify';
import { transportFor } from './bare-mcp-sessions.js';

const app = Fastify();
app.route({
  method: ['GET', 'POST', 'DELETE'],
  url: '/mcp',
  handler: async (request, reply) => {
    const transport = transportFor(request.raw, request.body);
    if (!transport) return reply.status(404).send();
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
  },
});
process.stdout.write(`${JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) })}\n`);
process.once('SIGTERM', () => process.exit(0));
