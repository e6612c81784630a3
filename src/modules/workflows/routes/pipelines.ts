import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import { idParams, runIdParams } from '../../../http/route-params.js';
import {
  clearCacheQuerySchema,
  pipelineItemPageSchema,
  pipelineItemsQuerySchema,
} from '../schema/pipelines.js';
import { workflowRunSchema } from '../schema/runs.js';
import { performanceQuerySchema, workflowPerformanceSchema } from '../service/performance.js';
import type { WorkflowService } from '../service.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);

/**
 * What pipelines add over REST: pause (resume is the runs' own), the items of a run and the retry
 * of its failed ones, a workflow's performance, and clearing the step cache.
 */
export function registerPipelineRoutes(app: FastifyInstance, { runs }: WorkflowService) {
  const route = routeGroup(app, { tags: ['workflow runs'], errors });

  route(
    {
      method: 'POST',
      url: '/api/v1/workflow-runs/:id/pause',
      scope: 'api:write',
      summary: 'Pause a pipeline run: no new item starts until it is resumed (POST …/resume)',
      params: runIdParams,
      response: workflowRunSchema,
    },
    (request) => runs.pause(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/workflow-runs/:id/retry-failed',
      scope: 'api:write',
      summary: "A pipeline run's failed items again, alone, as a new run (documents are read anew)",
      params: runIdParams,
      status: 202,
      response: workflowRunSchema,
    },
    (request) => runs.retryFailed(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/workflow-runs/:id/items',
      scope: 'api:read',
      summary: "A pipeline run's items in order, with how each ended; ?status=failed for the failed ones",
      params: runIdParams,
      querystring: pipelineItemsQuerySchema,
      response: pipelineItemPageSchema,
    },
    (request) => runs.items(request.user, request.params.id, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/workflows/:id/performance',
      scope: 'api:read',
      summary:
        'Per step over your last runs of a workflow: p50/p95 duration, tokens, cache hit rate, failure rate, the dominating step',
      params: idParams,
      querystring: performanceQuerySchema,
      response: workflowPerformanceSchema,
    },
    (request) => runs.performance(request.user, request.params.id, request.query),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/workflow-cache',
      scope: 'api:write',
      summary: 'Clear your cached step outputs (of one tool or model with ?subject=)',
      querystring: clearCacheQuerySchema,
      response: z.object({ removed: z.number().int() }),
    },
    (request) => runs.clearCache(request.user, request.query.subject),
  );
}
