import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../http/error-body.js';
import { idParams } from '../../http/route-params.js';
import {
  createMcpServerInputSchema,
  listMcpServersQuerySchema,
  mcpServerPageSchema,
  mcpServerSchema,
  mcpServerToolsSchema,
  updateMcpServerInputSchema,
} from './schema.js';
import type { McpServerService } from './service.js';

const tags = ['mcp-servers'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** Your external MCP servers over REST: /api/v1/mcp-servers, each with its connection status and tools. */
export function registerMcpServerRoutes(app: FastifyInstance, service: McpServerService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/mcp-servers',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Your MCP servers, newest first, a page at a time',
        querystring: listMcpServersQuerySchema,
        response: { 200: mcpServerPageSchema, ...errors },
      },
    },
    (request) => service.list(request.user, request.query),
  );

  routes.post(
    '/api/v1/mcp-servers',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Add an MCP server (http; stdio for admins)',
        body: createMcpServerInputSchema,
        response: { 201: mcpServerSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.user, request.body)),
  );

  routes.get(
    '/api/v1/mcp-servers/:id',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'One of your MCP servers',
        params: idParams,
        response: { 200: mcpServerSchema, ...errors },
      },
    },
    (request) => service.get(request.user, request.params.id),
  );

  routes.patch(
    '/api/v1/mcp-servers/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Change an MCP server; only the fields given change, and its connection is opened anew',
        params: idParams,
        body: updateMcpServerInputSchema,
        response: { 200: mcpServerSchema, ...errors },
      },
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  routes.delete(
    '/api/v1/mcp-servers/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Delete an MCP server',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.delete(request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/mcp-servers/:id/tools',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'The server’s tools as your assistant sees them (connects if needed)',
        params: idParams,
        response: { 200: mcpServerToolsSchema, ...errors },
      },
    },
    (request) => service.tools(request.user, request.params.id),
  );

  routes.post(
    '/api/v1/mcp-servers/:id/refresh',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Reconnect to the server and list its tools again now',
        params: idParams,
        response: { 200: mcpServerSchema, ...errors },
      },
    },
    (request) => service.refresh(request.user, request.params.id),
  );
}
