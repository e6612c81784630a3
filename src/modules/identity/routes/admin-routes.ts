import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../http/error-body.js';
import {
  auditPageSchema,
  auditQuerySchema,
  createdInviteSchema,
  createInviteInputSchema,
  createUserInputSchema,
  inviteSchema,
  listQuerySchema,
  updateUserInputSchema,
  userPageSchema,
  userSchema,
} from '../schema.js';
import type { IdentityServices } from '../service.js';
import { idParams } from '../../../http/route-params.js';

const tags = ['admin'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** User management, invites and the audit log, under /api/v1/admin. Admins only (the services check). */
export function registerAdminRoutes(app: FastifyInstance, { users, audit, invites }: IdentityServices) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/admin/users',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Every account, a page at a time',
        querystring: listQuerySchema,
        response: { 200: userPageSchema, ...errors },
      },
    },
    (request) => users.list(request.user, request.query),
  );

  routes.post(
    '/api/v1/admin/users',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Create an account',
        body: createUserInputSchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(request.user, request.body)),
  );

  routes.get(
    '/api/v1/admin/users/:id',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'One account', params: idParams, response: { 200: userSchema, ...errors } },
    },
    (request) => users.get(request.user, request.params.id),
  );

  routes.patch(
    '/api/v1/admin/users/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Rename, change role, deactivate (ends their sessions) or reactivate an account',
        params: idParams,
        body: updateUserInputSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => users.update(request.user, request.params.id, request.body),
  );

  routes.get(
    '/api/v1/admin/audit',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    (request) => audit.list(request.user, request.query),
  );

  routes.get(
    '/api/v1/admin/invites',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Invite links, newest first',
        response: { 200: z.object({ items: z.array(inviteSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await invites.list(request.user) }),
  );

  routes.post(
    '/api/v1/admin/invites',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Create an invite link; its token is in this answer only',
        body: createInviteInputSchema,
        response: { 201: createdInviteSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await invites.create(request.user, request.body)),
  );
}
