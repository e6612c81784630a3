import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import { idParams, versionParams } from '../../../http/route-params.js';
import { agentDefinitionSchema } from '../definition.js';
import {
  agentPageSchema,
  agentSchema,
  agentVersionSchema,
  listAgentsQuerySchema,
  updateAgentInputSchema,
} from '../schema.js';
import type { AgentsService } from '../service.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/**
 * Agent definitions over REST: /api/v1/agents (CRUD, versions, restore). `:id` takes an agent's id
 * or its name (yours first, then a built-in, then a shared one).
 */
export function registerAgentDefinitionRoutes(app: FastifyInstance, agents: AgentsService) {
  const route = routeGroup(app, { tags: ['agents'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/agents',
      scope: 'api:read',
      summary: 'Your agents, the built-in specialists and the shared ones, newest first; ?q= searches',
      querystring: listAgentsQuerySchema,
      response: agentPageSchema,
    },
    (request) => agents.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/agents',
      scope: 'api:write',
      summary: 'Save an agent definition (version 1)',
      body: agentDefinitionSchema,
      status: 201,
      response: agentSchema,
    },
    (request) => agents.create(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agents/:id',
      scope: 'api:read',
      summary: 'One agent (by id or name) with its definition',
      params: idParams,
      response: agentSchema,
    },
    (request) => agents.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PUT',
      url: '/api/v1/agents/:id',
      scope: 'api:write',
      summary: 'Replace the definition of an agent you own (a new version)',
      params: idParams,
      body: agentDefinitionSchema,
      response: agentSchema,
    },
    (request) => agents.replace(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/agents/:id',
      scope: 'api:write',
      summary: 'Change some fields of an agent you own (a new version)',
      params: idParams,
      body: updateAgentInputSchema,
      response: agentSchema,
    },
    (request) => agents.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/agents/:id',
      scope: 'api:write',
      summary: 'Remove an agent you own (its runs stay readable)',
      params: idParams,
      status: 204,
    },
    (request) => agents.remove(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agents/:id/versions',
      scope: 'api:read',
      summary: 'Every version, newest first',
      params: idParams,
      response: z.object({ items: z.array(agentVersionSchema) }),
    },
    async (request) => ({ items: await agents.versions(request.user, request.params.id) }),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agents/:id/versions/:version',
      scope: 'api:read',
      summary: 'One version',
      params: versionParams,
      response: agentVersionSchema,
    },
    (request) => agents.version(request.user, request.params.id, request.params.version),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/agents/:id/versions/:version/restore',
      scope: 'api:write',
      summary: 'Make an old version current again (as a new version)',
      params: versionParams,
      response: agentSchema,
    },
    (request) => agents.restore(request.user, request.params.id, request.params.version),
  );
}
