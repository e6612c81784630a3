import { UI_MESSAGE_STREAM_HEADERS } from 'ai';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorAnswers, errorBodySchema } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import { idParams, runIdParams } from '../../../http/route-params.js';
import { openSse } from '../../../http/sse.js';
import { producesContent } from '../../chat/index.js';
import {
  agentHealthSchema,
  agentRunDetailSchema,
  agentRunPageSchema,
  agentRunSchema,
  answerAgentRunApprovalsInputSchema,
  listAgentRunsQuerySchema,
  startAgentRunInputSchema,
  waitAgentRunQuerySchema,
} from '../schema.js';
import type { AgentRunsService } from '../service/runs.js';
import { z } from 'zod';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);

/** Agent runs over REST: /api/v1/agent-runs (start, list, get, wait, cancel, resume, stream). */
export function registerAgentRunRoutes(app: FastifyInstance, runs: AgentRunsService) {
  const route = routeGroup(app, { tags: ['agents'], errors });

  route(
    {
      method: 'POST',
      url: '/api/v1/agent-runs',
      scope: 'api:write',
      summary: 'Start a run of an agent as you (202: it runs on; GET or wait for its answer)',
      body: startAgentRunInputSchema,
      status: 202,
      response: agentRunSchema,
    },
    (request) => runs.start(request.user, request.body.agent, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agent-runs',
      scope: 'api:read',
      summary: 'Your agent runs, newest first, filtered by agent, status or parent run',
      querystring: listAgentRunsQuerySchema,
      response: agentRunPageSchema,
    },
    (request) => runs.list(request.user, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agent-runs/:id',
      scope: 'api:read',
      summary: 'One of your agent runs, with the tool calls of its finished steps',
      params: runIdParams,
      response: agentRunDetailSchema,
    },
    (request) => runs.detail(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agent-runs/:id/wait',
      scope: 'api:read',
      summary: 'The run once it ends, or as it stands after ?timeout_ms= (default 30 s)',
      params: runIdParams,
      querystring: waitAgentRunQuerySchema,
      response: agentRunSchema,
    },
    (request) => runs.wait(request.user, request.params.id, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/agent-runs/:id/cancel',
      scope: 'api:write',
      summary: 'Cancel a run that has not ended, with the runs it started',
      params: runIdParams,
      response: agentRunSchema,
    },
    (request) => runs.cancel(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/agent-runs/:id/resume',
      scope: 'api:write',
      summary: 'Resume a cancelled run from its last finished step',
      params: runIdParams,
      response: agentRunSchema,
    },
    (request) => runs.resume(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/agent-runs/:id/approvals',
      scope: 'api:write',
      summary: 'Approve or refuse the tool calls a waiting run holds; the run goes on',
      params: runIdParams,
      body: answerAgentRunApprovalsInputSchema,
      response: agentRunSchema,
    },
    (request) => runs.answerApprovals(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/agents/:id/health',
      scope: 'api:read',
      summary:
        'How an agent is doing: its model and tools, and your runs (success rate, p50/p95, tokens, last error)',
      params: idParams,
      response: agentHealthSchema,
    },
    (request) => runs.health(request.user, request.params.id),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/agent-runs/:id/stream',
    {
      config: { scope: 'api:read' },
      schema: {
        tags: ['agents'],
        summary: 'Follow a run as the AI SDK UI message stream (SSE); a run that ended answers 204',
        description:
          'The chunks the run has written so far, then each new one, then [DONE]. Only a run executing on the instance asked streams; elsewhere GET /wait.',
        params: runIdParams,
        response: { 204: z.null(), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      await runs.get(request.user, request.params.id);
      const stream = openSse(reply, UI_MESSAGE_STREAM_HEADERS, { isFirstToken: producesContent });
      let started = false;
      const stop = runs.follow(request.params.id, (chunk) => {
        if (chunk === null) {
          stream.send('[DONE]');
          stream.end();
          return;
        }
        if (!started) {
          started = true;
          stream.send({ type: 'start', messageMetadata: { run_id: request.params.id } });
        }
        stream.send(chunk);
      });
      if (!stop) {
        stream.send('[DONE]');
        stream.end();
        return reply;
      }
      stream.onClose(stop);
      return reply;
    },
  );
}
