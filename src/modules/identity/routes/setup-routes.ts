import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../../actor.js';
import { errorBodySchema } from '../../../http/error-body.js';
import { clientInfo } from '../../../http/request-context.js';
import { setupStateSchema, signUpInputSchema, userSchema } from '../schema.js';
import type { IdentityServices } from '../service.js';

const tags = ['setup'];

/** First run: while no admin exists, anyone who can reach the instance may create the first one. */
export function registerSetupRoutes(app: FastifyInstance, { users, flows }: IdentityServices) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/setup',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Whether the first admin still has to be created, and the password rule forms show',
        response: { 200: setupStateSchema },
      },
    },
    async () => ({ needs_admin: await users.needsSetup(), password_min_length: users.passwordMinLength }),
  );

  routes.post(
    '/api/v1/setup',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Create the first admin and sign in as them; refused once an admin exists',
        body: signUpInputSchema.omit({ invite: true }),
        response: { 201: z.object({ user: userSchema }), 400: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => {
      await users.createFirstAdmin(systemActor, request.body);
      const { setCookies, user } = await flows.signIn(request.body, clientInfo(request));
      return reply.status(201).header('set-cookie', setCookies).send({ user });
    },
  );
}
