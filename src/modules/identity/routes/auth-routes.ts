import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../http/error-body.js';
import { clientInfo } from '../../../http/request-context.js';
import { currentSessionSchema, signedInSchema, signInInputSchema, signUpInputSchema } from '../schema.js';
import type { IdentityServices } from '../service.js';

const tags = ['auth'];

/** Sign-up, sign-in, sign-out and the current session, under /api/v1/auth. */
export function registerAuthRoutes(app: FastifyInstance, { flows, users, sessions }: IdentityServices) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/v1/auth/sign-up/email',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Create an account (as SIGNUP_POLICY allows) and sign in',
        body: signUpInputSchema,
        response: { 200: signedInSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { setCookies, ...signedIn } = await flows.signUp(request.body, clientInfo(request));
      return reply.header('set-cookie', setCookies).send(signedIn);
    },
  );

  routes.post(
    '/api/v1/auth/sign-in/email',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: signInInputSchema,
        response: { 200: signedInSchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { setCookies, ...signedIn } = await flows.signIn(request.body, clientInfo(request));
      return reply.header('set-cookie', setCookies).send(signedIn);
    },
  );

  routes.post(
    '/api/v1/auth/sign-out',
    {
      config: { scope: 'user' },
      schema: {
        tags,
        summary: 'End the current session and clear its cookie',
        response: { 200: z.object({ success: z.literal(true) }), 401: errorBodySchema },
      },
    },
    async (request, reply) => {
      const setCookies = await flows.signOut(request.user, clientInfo(request));
      return reply.header('set-cookie', setCookies).send({ success: true as const });
    },
  );

  routes.get(
    '/api/v1/auth/get-session',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'The signed-in user and session (null when called with an API key or token), or 401',
        response: {
          200: currentSessionSchema,
          401: errorBodySchema,
        },
      },
    },
    async (request) => {
      const actor = request.user;
      return { user: await users.me(actor), session: await sessions.current(actor) };
    },
  );
}
