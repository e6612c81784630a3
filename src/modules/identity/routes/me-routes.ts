import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../http/error-body.js';
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
    {
      config: { scope: 'api:read' },
      schema: { tags: ['me'], summary: 'Your account', response: { 200: userSchema, ...errors } },
    },
    (request) => users.me(request.user),
  );

  routes.patch(
    '/api/v1/me',
    {
      config: { scope: 'api:write' },
      schema: {
        tags: ['me'],
        summary: 'Change your name, time zone or first day of the week',
        body: updateProfileInputSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => users.updateProfile(request.user, request.body),
  );

  routes.get(
    '/api/v1/me/sessions',
    {
      config: { scope: 'api:read' },
      schema: {
        tags: ['me'],
        summary: 'Your signed-in sessions',
        response: { 200: z.object({ items: z.array(sessionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await sessions.list(request.user) }),
  );

  routes.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags: ['me'],
        summary: 'End one of your sessions',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await sessions.revoke(request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/me/api-keys',
    {
      config: { scope: 'api:read' },
      schema: {
        tags: ['me'],
        summary: 'Your API keys (never the keys themselves)',
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errors },
      },
    },
    async (request) => ({ items: await apiKeys.list(request.user) }),
  );

  routes.post(
    '/api/v1/me/api-keys',
    {
      config: { scope: 'api:write' },
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
    async (request, reply) => reply.status(201).send(await apiKeys.create(request.user, request.body)),
  );

  routes.delete(
    '/api/v1/me/api-keys/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags: ['me'],
        summary: 'Revoke one of your API keys',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
