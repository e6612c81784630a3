import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commit, version } from '../version.js';
import { errorBodySchema } from './error-body.js';
import { routeGroup } from './route-group.js';

export const versionInfoSchema = z.object({
  version: z.string().describe('The semantic version of this release'),
  commit: z.string().describe('The commit it was built from, or "unknown"'),
  node: z.string().describe('The Node.js version running it'),
  started_at: z.iso.datetime().describe('When this instance started'),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

/**
 * `GET /api/v1/version`, for any signed-in user with a credential that reads (the About box): not public, since the exact
 * commit and Node.js version tell a stranger which known flaws to try. Load balancers and
 * monitoring have /healthz, /readyz and /metrics.
 */
export function registerVersionRoutes(app: FastifyInstance, { startedAt }: { startedAt: Date }) {
  const route = routeGroup(app, {
    tags: ['operations'],
    errors: { 401: errorBodySchema, 403: errorBodySchema },
  });
  route(
    {
      method: 'GET',
      url: '/api/v1/version',
      scope: 'api:read',
      summary: 'The version, commit and Node.js version of this instance, and when it started',
      response: versionInfoSchema,
    },
    (): VersionInfo => ({
      version,
      commit: commit(),
      node: process.versions.node,
      started_at: startedAt.toISOString(),
    }),
  );
}
