import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../http/error-body.js';
import type { ModelRegistry } from './registry.js';
import { modelChoicesSchema, modelSettingsInputSchema } from './schema.js';

const tags = ['models'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/** The models users may pick and each provider's status; admins choose the default and the list. */
export function registerModelRoutes(app: FastifyInstance, models: ModelRegistry) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/models',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'The default model, the models you may pick, and whether each provider answers',
        response: { 200: modelChoicesSchema, ...errors },
      },
    },
    () => models.choices(),
  );

  routes.put(
    '/api/v1/admin/models',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Admin: set the default model and the models users may pick',
        body: modelSettingsInputSchema,
        response: { 200: modelChoicesSchema, ...errors },
      },
    },
    (request) => models.updateSettings(request.user, request.body),
  );
}
