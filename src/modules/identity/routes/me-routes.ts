import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../http/error-body.js';
import { requireScope } from '../../../actor-policy.js';
import {
  apiKeySchema,
  createApiKeyInputSchema,
  createdApiKeySchema,
  sessionSchema,
  updateProfileInputSchema,
  userSchema,
} from '../schema.js';
import type { IdentityServices } from '../service.js';
import { idParams } from '../../../http/route-params.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** The signed-in user's own account, sessions and API keys, under /api/v1/me. */
export function registerMeRoutes(app: FastifyInstance, { users, sessions, apiKeys }: IdentityServices) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/me',
    { schema: { tags: ['me'], summary: 'Your account', response: { 200: userSchema, ...errors } } },
    (request) => users.me(requireScope(request.actor, 'api:read')),
  );

  routes.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Change your name',
        body: updateProfileInputSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => users.updateProfile(requireScope(request.actor, 'api:write'), request.body),
  );

  routes.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['me'],
        summary: 'Your signed-in sessions',
        response: { 200: z.object({ items: z.array(sessionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await sessions.list(requireScope(request.actor, 'api:read')) }),
  );

  routes.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags: ['me'],
        summary: 'End one of your sessions',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await sessions.revoke(requireScope(request.actor, 'api:write'), request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/me/api-keys',
    {
      schema: {
        tags: ['me'],
        summary: 'Your API keys (never the keys themselves)',
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errors },
      },
    },
    async (request) => ({ items: await apiKeys.list(requireScope(request.actor, 'api:read')) }),
  );

  routes.post(
    '/api/v1/me/api-keys',
    {
      schema: {
        tags: ['me'],
        summary: 'Create an API key; the key is in this answer only',
        body: createApiKeyInputSchema,
        response: {
          201: createdApiKeySchema,
          400: errorBodySchema,
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await apiKeys.create(requireScope(request.actor, 'api:write'), request.body)),
  );

  routes.delete(
    '/api/v1/me/api-keys/:id',
    {
      schema: {
        tags: ['me'],
        summary: 'Revoke one of your API keys',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(requireScope(request.actor, 'api:write'), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
