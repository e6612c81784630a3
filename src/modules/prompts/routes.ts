import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../http/error-body.js';
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
import { idParams, versionParams } from '../../http/route-params.js';

const tags = ['prompts'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** The prompt library over REST: /api/v1/prompts, rendering, versions, diff and rollback. */
export function registerPromptRoutes(app: FastifyInstance, service: PromptService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/prompts',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Your prompts and the shared ones, newest first; ?q= searches',
        querystring: listPromptsQuerySchema,
        response: {
          200: promptPageSchema,
          ...errors,
        },
      },
    },
    (request) => service.list(request.user, request.query),
  );
  routes.post(
    '/api/v1/prompts',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Save a prompt (version 1)',
        body: createPromptInputSchema,
        response: { 201: promptSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.user, request.body)),
  );
  routes.get(
    '/api/v1/prompts/:id',
    {
      config: { scope: 'api:read' },
      schema: { tags, summary: 'One prompt', params: idParams, response: { 200: promptSchema, ...errors } },
    },
    (request) => service.get(request.user, request.params.id),
  );
  routes.patch(
    '/api/v1/prompts/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Change a prompt you own (a new version)',
        params: idParams,
        body: updatePromptInputSchema,
        response: { 200: promptSchema, ...errors },
      },
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );
  routes.delete(
    '/api/v1/prompts/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Delete a prompt you own, with its versions',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.delete(request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );
  routes.post(
    '/api/v1/prompts/:id/render',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Fill the template with arguments',
        params: idParams,
        body: renderInputSchema,
        response: { 200: renderedPromptSchema, ...errors },
      },
    },
    async (request) => ({
      text: (await service.render(request.user, request.params.id, request.body.arguments)).text,
    }),
  );
  routes.get(
    '/api/v1/prompts/:id/versions',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Every version, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(promptVersionSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: await service.versions(request.user, request.params.id),
    }),
  );
  routes.get(
    '/api/v1/prompts/:id/versions/:version',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'One version',
        params: versionParams,
        response: { 200: promptVersionSchema, ...errors },
      },
    },
    (request) => service.version(request.user, request.params.id, request.params.version),
  );
  routes.get(
    '/api/v1/prompts/:id/diff',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'A unified diff of two versions’ templates',
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: promptDiffSchema, ...errors },
      },
    },
    async (request) => ({
      diff: await service.diff(request.user, request.params.id, request.query.from, request.query.to),
    }),
  );
  routes.post(
    '/api/v1/prompts/:id/versions/:version/restore',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Make an old version current again (as a new version)',
        params: versionParams,
        response: { 200: promptSchema, ...errors },
      },
    },
    (request) => service.rollback(request.user, request.params.id, request.params.version),
  );
}
