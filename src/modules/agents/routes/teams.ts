import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import type { TeamService } from '../service/teams.js';
import {
  createTeamInputSchema,
  runTeamInputSchema,
  teamListSchema,
  teamRunListSchema,
  teamRunSchema,
  teamSchema,
  updateTeamInputSchema,
} from '../teams/schema.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);

/** Teams over REST: /api/v1/teams (CRUD, runs) and /api/v1/team-runs/{id}. */
export function registerTeamRoutes(app: FastifyInstance, teams: TeamService) {
  const route = routeGroup(app, { tags: ['teams'], errors });
  route(
    {
      method: 'GET',
      url: '/api/v1/teams',
      scope: 'api:read',
      summary: 'Your teams of agents',
      response: teamListSchema,
    },
    (request) => teams.list(request.user),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/teams',
      scope: 'api:write',
      summary: 'Make a team: agents plus a pattern (supervisor, pipeline, review, vote)',
      body: createTeamInputSchema,
      status: 201,
      response: teamSchema,
    },
    (request) => teams.create(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/teams/:id',
      scope: 'api:read',
      summary: 'One of your teams (by id or name)',
      params: idParams,
      response: teamSchema,
    },
    (request) => teams.get(request.user, request.params.id),
  );
  route(
    {
      method: 'PATCH',
      url: '/api/v1/teams/:id',
      scope: 'api:write',
      summary: 'Change a team; only the fields given change',
      params: idParams,
      body: updateTeamInputSchema,
      response: teamSchema,
    },
    (request) => teams.update(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/teams/:id',
      scope: 'api:write',
      summary: 'Delete a team and its runs’ records',
      params: idParams,
      status: 204,
    },
    (request) => teams.remove(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/teams/:id/runs',
      scope: 'api:write',
      summary: 'Run a team on an input (with wait: answers once it ended or timeout_ms passed)',
      params: idParams,
      body: runTeamInputSchema,
      status: 201,
      response: teamRunSchema,
    },
    (request) => teams.run(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/teams/:id/runs',
      scope: 'api:read',
      summary: 'A team’s runs, newest first',
      params: idParams,
      response: teamRunListSchema,
    },
    (request) => teams.listRuns(request.user, request.params.id),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/team-runs/:id',
      scope: 'api:read',
      summary: 'One of your team runs, with its members’ turns',
      params: idParams,
      querystring: z.object({ wait_ms: z.coerce.number().int().min(0).max(60_000).default(0) }),
      response: teamRunSchema,
    },
    (request) => teams.wait(request.user, request.params.id, { timeout_ms: request.query.wait_ms }),
  );
}
