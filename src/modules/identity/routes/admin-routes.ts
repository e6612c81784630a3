import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
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
import { routeGroup } from '../../../http/route-group.js';
import { idParams } from '../../../http/route-params.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** User management, invites and the audit log, under /api/v1/admin. Admins only (the services check). */
export function registerAdminRoutes(app: FastifyInstance, { users, audit, invites }: IdentityServices) {
  const route = routeGroup(app, { tags: ['admin'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/admin/users',
      scope: 'admin',
      summary: 'Every account, a page at a time',
      querystring: listQuerySchema,
      response: userPageSchema,
    },
    (request) => users.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/admin/users',
      scope: 'admin',
      summary: 'Create an account',
      body: createUserInputSchema,
      status: 201,
      response: userSchema,
    },
    (request) => users.create(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/admin/users/:id',
      scope: 'admin',
      summary: 'One account',
      params: idParams,
      response: userSchema,
    },
    (request) => users.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/admin/users/:id',
      scope: 'admin',
      summary: 'Rename, change role, deactivate (ends their sessions) or reactivate an account',
      params: idParams,
      body: updateUserInputSchema,
      response: userSchema,
    },
    (request) => users.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/admin/audit',
      scope: 'admin',
      summary: 'The audit log, newest first',
      querystring: auditQuerySchema,
      response: auditPageSchema,
    },
    (request) => audit.list(request.user, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/admin/invites',
      scope: 'admin',
      summary: 'Invite links, newest first',
      response: z.object({ items: z.array(inviteSchema) }),
    },
    async (request) => ({ items: await invites.list(request.user) }),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/admin/invites',
      scope: 'admin',
      summary: 'Create an invite link; its token is in this answer only',
      body: createInviteInputSchema,
      status: 201,
      response: createdInviteSchema,
    },
    (request) => invites.create(request.user, request.body),
  );
}
