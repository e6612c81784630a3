import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../http/error-body.js';
import {
  createPromptInputSchema,
  listPromptsQuerySchema,
  promptDiffSchema,
  promptPageSchema,
  promptSchema,
  promptVersionSchema,
  renderedPromptSchema,
  renderInputSchema,
  updatePromptInputSchema,
} from './schema.js';
import type { PromptService } from './service.js';
import { routeGroup } from '../../http/route-group.js';
import { idParams, versionParams } from '../../http/route-params.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** The prompt library over REST: /api/v1/prompts, rendering, versions, diff and rollback. */
export function registerPromptRoutes(app: FastifyInstance, service: PromptService) {
  const route = routeGroup(app, { tags: ['prompts'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/prompts',
      scope: 'api:read',
      summary: 'Your prompts and the shared ones, newest first; ?q= searches',
      querystring: listPromptsQuerySchema,
      response: promptPageSchema,
    },
    (request) => service.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/prompts',
      scope: 'api:write',
      summary: 'Save a prompt (version 1)',
      body: createPromptInputSchema,
      status: 201,
      response: promptSchema,
    },
    (request) => service.create(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/prompts/:id',
      scope: 'api:read',
      summary: 'One prompt',
      params: idParams,
      response: promptSchema,
    },
    (request) => service.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/prompts/:id',
      scope: 'api:write',
      summary: 'Change a prompt you own (a new version)',
      params: idParams,
      body: updatePromptInputSchema,
      response: promptSchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/prompts/:id',
      scope: 'api:write',
      summary: 'Delete a prompt you own, with its versions',
      params: idParams,
      status: 204,
    },
    (request) => service.delete(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/prompts/:id/render',
      scope: 'api:write',
      summary: 'Fill the template with arguments',
      params: idParams,
      body: renderInputSchema,
      response: renderedPromptSchema,
    },
    async (request) => ({
      text: (await service.render(request.user, request.params.id, request.body.arguments)).text,
    }),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/prompts/:id/versions',
      scope: 'api:read',
      summary: 'Every version, newest first',
      params: idParams,
      response: z.object({ items: z.array(promptVersionSchema) }),
    },
    async (request) => ({ items: await service.versions(request.user, request.params.id) }),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/prompts/:id/versions/:version',
      scope: 'api:read',
      summary: 'One version',
      params: versionParams,
      response: promptVersionSchema,
    },
    (request) => service.version(request.user, request.params.id, request.params.version),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/prompts/:id/diff',
      scope: 'api:read',
      summary: 'A unified diff of two versions’ templates',
      params: idParams,
      querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
      response: promptDiffSchema,
    },
    async (request) => ({
      diff: await service.diff(request.user, request.params.id, request.query.from, request.query.to),
    }),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/prompts/:id/versions/:version/restore',
      scope: 'api:write',
      summary: 'Make an old version current again (as a new version)',
      params: versionParams,
      response: promptSchema,
    },
    (request) => service.rollback(request.user, request.params.id, request.params.version),
  );
}
