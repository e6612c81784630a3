import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../http/error-body.js';
import { routeGroup } from '../../http/route-group.js';
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

const errors = errorAnswers(400, 401, 403, 404, 409);

/** Your external MCP servers over REST: /api/v1/mcp-servers, each with its connection status and tools. */
export function registerMcpServerRoutes(app: FastifyInstance, service: McpServerService) {
  const route = routeGroup(app, { tags: ['mcp-servers'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/mcp-servers',
      scope: 'api:read',
      summary: 'Your MCP servers, newest first, a page at a time',
      querystring: listMcpServersQuerySchema,
      response: mcpServerPageSchema,
    },
    (request) => service.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/mcp-servers',
      scope: 'api:write',
      summary: 'Add an MCP server (http; stdio for admins)',
      body: createMcpServerInputSchema,
      status: 201,
      response: mcpServerSchema,
    },
    (request) => service.create(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/mcp-servers/:id',
      scope: 'api:read',
      summary: 'One of your MCP servers',
      params: idParams,
      response: mcpServerSchema,
    },
    (request) => service.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/mcp-servers/:id',
      scope: 'api:write',
      summary: 'Change an MCP server; only the fields given change, and its connection is opened anew',
      params: idParams,
      body: updateMcpServerInputSchema,
      response: mcpServerSchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/mcp-servers/:id',
      scope: 'api:write',
      summary: 'Delete an MCP server',
      params: idParams,
      status: 204,
    },
    (request) => service.delete(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/mcp-servers/:id/tools',
      scope: 'api:read',
      summary: 'The server’s tools as your assistant sees them (connects if needed)',
      params: idParams,
      response: mcpServerToolsSchema,
    },
    (request) => service.tools(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/mcp-servers/:id/refresh',
      scope: 'api:write',
      summary: 'Reconnect to the server and list its tools again now',
      params: idParams,
      response: mcpServerSchema,
    },
    (request) => service.refresh(request.user, request.params.id),
  );
}
