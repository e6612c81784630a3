import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserActor } from '../../../actor.js';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams, runIdParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import {
  listWorkflowRunsInputSchema,
  startWorkflowRunBodySchema,
  workflowRunDetailSchema,
  workflowRunPageSchema,
  workflowRunSchema,
} from '../schema/runs.js';
import type { WorkflowService } from '../service.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);
/** How long `?wait=true` waits for the run's end before answering 202 with the run as it is. */
const waitAtMostMs = 30_000;

const startQuery = z.object({
  wait: z
    .stringbool()
    .default(false)
    .describe('Wait up to 30 s for the end: 200 with the finished run, or 202 with the run as it is'),
});

/** Runs over REST: /api/v1/workflow-runs (list, get with steps, cancel, resume, retry, re-run) and the start. */
export function registerWorkflowRunRoutes(app: FastifyInstance, { runs }: WorkflowService) {
  const route = routeGroup(app, { tags: ['workflow runs'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/workflow-runs',
      scope: 'api:read',
      summary: 'Your workflow runs, newest first, filtered by status, workflow and time, a page at a time',
      querystring: listWorkflowRunsInputSchema,
      response: workflowRunPageSchema,
    },
    (request) => runs.list(request.user, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/workflow-runs/:id',
      scope: 'api:read',
      summary: 'One of your runs with its steps (status, input, output, error, attempts, times, tokens)',
      params: runIdParams,
      response: workflowRunDetailSchema,
    },
    (request) => runs.get(request.user, request.params.id),
  );

  const actions = [
    ['cancel', 'Cancel a run that has not ended: its steps stop, its pending approvals are cancelled'],
    ['resume', 'Resume a cancelled run from its last completed step'],
    [
      'retry',
      'Retry a failed run: a new run of the same version and input that keeps the steps that succeeded',
    ],
    ['rerun', 'Run the same version with the same input again, as a new run'],
  ] as const;
  for (const [action, summary] of actions)
    route(
      {
        method: 'POST',
        url: `/api/v1/workflow-runs/:id/${action}`,
        scope: 'api:write',
        summary,
        params: runIdParams,
        response: workflowRunSchema,
      },
      (request) => runs[action](request.user, request.params.id),
    );

  // Declared here rather than through routeGroup: its status depends on `wait` (202 started, 200 ended).
  app.route({
    method: 'POST',
    url: '/api/v1/workflows/:id/runs',
    config: { scope: 'api:write' },
    schema: {
      tags: ['workflow runs'],
      summary: 'Start a run of a workflow (yours or a shared one, by id or name); 202 with the run',
      params: idParams,
      querystring: startQuery,
      body: startWorkflowRunBodySchema,
      response: { 200: workflowRunSchema, 202: workflowRunSchema, ...errors },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = request.user as UserActor;
      const { id } = request.params as z.infer<typeof idParams>;
      const { wait } = request.query as z.infer<typeof startQuery>;
      const { input, version } = request.body as z.infer<typeof startWorkflowRunBodySchema>;
      const started = await runs.start(actor, {
        workflow: id,
        input,
        version,
        trigger: { kind: 'manual', surface: 'http' },
      });
      if (!wait) return reply.status(202).send(started);
      const run = await runs.waitForEnd(actor, started.id, { timeoutMs: waitAtMostMs });
      const ended = !['queued', 'running', 'waiting'].includes(run.status);
      return reply.status(ended ? 200 : 202).send(run);
    },
  });
}
