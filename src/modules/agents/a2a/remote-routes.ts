import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import type { RemoteAgents } from './remote-agents.js';
import { addRemoteAgentInputSchema, remoteAgentListSchema, remoteAgentSchema } from './remote-schema.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** /api/v1/a2a/agents: your external A2A agents (each your tool a2a__<name>). */
export function registerRemoteAgentRoutes(app: FastifyInstance, remoteAgents: RemoteAgents) {
  const route = routeGroup(app, { tags: ['a2a'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/a2a/agents',
      scope: 'api:read',
      summary: 'Your external A2A agents',
      response: remoteAgentListSchema,
    },
    async (request) => ({ items: await remoteAgents.list(request.user) }),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/a2a/agents',
      scope: 'api:write',
      summary: 'Add an external A2A agent by its card URL (through the URL guard); its tool is a2a__<name>',
      body: addRemoteAgentInputSchema,
      status: 201,
      response: remoteAgentSchema,
    },
    (request) => remoteAgents.add(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/a2a/agents/:id',
      scope: 'api:read',
      summary: 'One of your external A2A agents',
      params: idParams,
      response: remoteAgentSchema,
    },
    (request) => remoteAgents.get(request.user, request.params.id),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/a2a/agents/:id',
      scope: 'api:write',
      summary: 'Remove an external A2A agent (and its tool)',
      params: idParams,
      status: 204,
    },
    (request) => remoteAgents.remove(request.user, request.params.id),
  );
}
