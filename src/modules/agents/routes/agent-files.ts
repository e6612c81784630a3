import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import { agentFileSchema, importAgentQuerySchema } from '../export/agent-file.js';
import type { AgentFiles } from '../export/agent-files.js';
import { agentSchema } from '../schema.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** An agent as a JSON file: GET /api/v1/agents/{id}/export and POST /api/v1/agents/import. */
export function registerAgentFileRoutes(app: FastifyInstance, files: AgentFiles) {
  const route = routeGroup(app, { tags: ['agents'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/agents/:id/export',
      scope: 'api:read',
      summary: 'An agent you may read as a JSON file, to import on another instance',
      params: idParams,
      response: agentFileSchema,
    },
    (request) => files.exportAgent(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/agents/import',
      scope: 'api:write',
      summary: 'A new private agent of yours from an exported file (a name you use: 409, or renamed)',
      querystring: importAgentQuerySchema,
      body: agentFileSchema,
      status: 201,
      response: agentSchema,
    },
    (request) => files.importAgent(request.user, request.body, request.query),
  );
}
