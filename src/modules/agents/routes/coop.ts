import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import type { AgentCoop } from '../coop.js';
import {
  coordinateInputSchema,
  coordinationListSchema,
  coordinationSchema,
  getCoordinationQuerySchema,
} from '../coordination/schema.js';
import { agentMatchListSchema, matchAgentsInputSchema } from '../service/match.js';
import { registerMailboxRoutes } from './mailbox.js';
import { registerTeamRoutes } from './teams.js';

const errors = errorAnswers(400, 401, 403, 404, 503);

/** Agents working together over REST: mailboxes, dead letters, teams, match and coordinate. */
export function registerAgentCoopRoutes(app: FastifyInstance, coop: AgentCoop) {
  registerMailboxRoutes(app, coop.mailbox);
  registerTeamRoutes(app, coop.teams);
  const route = routeGroup(app, { tags: ['agents'], errors });
  route(
    {
      method: 'POST',
      url: '/api/v1/agents/match',
      scope: 'api:read',
      summary: 'Your agents ranked by how well their capabilities match a goal',
      body: matchAgentsInputSchema,
      response: agentMatchListSchema,
    },
    (request) => coop.match(request.user, request.body),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/agents/coordinate',
      scope: 'api:write',
      summary:
        'Split a goal into parts, hand each to the best-matching agent (a run and a message), report; answers once it ended, or its id and status after timeout_ms and a margin',
      body: coordinateInputSchema,
      response: coordinationSchema,
    },
    (request) => coop.coordinator.coordinate(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/agent-coordinations',
      scope: 'api:read',
      summary: 'Your coordinations, newest first',
      response: coordinationListSchema,
    },
    (request) => coop.coordinator.list(request.user),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/agent-coordinations/:id',
      scope: 'api:read',
      summary: 'One of your coordinations: its parts, their runs and messages, and the report once it ended',
      params: idParams,
      querystring: getCoordinationQuerySchema,
      response: coordinationSchema,
    },
    (request) => coop.coordinator.get(request.user, request.params.id, request.query),
  );
}
