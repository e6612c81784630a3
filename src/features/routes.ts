import type { FastifyInstance } from 'fastify';
import { errorBodySchema } from '../http/error-body.js';
import { routeGroup } from '../http/route-group.js';
import { featureFlagsSchema, updateFeatureFlagsInputSchema } from './schema.js';
import type { FeatureFlagService } from './service.js';

/**
 * The feature switches: anyone may read them (the web app, signed in or not, hides what is off);
 * only an admin changes them.
 */
export function registerFeatureRoutes(app: FastifyInstance, features: FeatureFlagService) {
  const route = routeGroup(app, {
    tags: ['features'],
    errors: { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
  });

  route(
    {
      method: 'GET',
      url: '/api/v1/features',
      scope: 'public',
      summary: 'Which features are on for this instance',
      response: featureFlagsSchema,
    },
    () => features.list(),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/admin/features',
      scope: 'admin',
      summary: 'Admin: which features are on for this instance',
      response: featureFlagsSchema,
    },
    () => features.list(),
  );

  route(
    {
      method: 'PUT',
      url: '/api/v1/admin/features',
      scope: 'admin',
      summary: 'Admin: switch features on or off for every instance (the ones not named keep their state)',
      body: updateFeatureFlagsInputSchema,
      response: featureFlagsSchema,
    },
    (request) => features.update(request.user, request.body),
  );
}
