import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-body.js';
import { requireScope } from '../actor-policy.js';
import { toolCallResultViewSchema, toolListSchema } from './schema.js';
import type { ToolRunner } from './tool-runner.js';
import { toToolCallResultView, toToolView } from './tool-view.js';
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Every tool over REST: list them with their schemas, and call one with its arguments as the body. */
export function registerToolRoutes(app: FastifyInstance, tools: ToolRunner) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/tools',
    {
      schema: {
        tags: ['tools'],
        summary: 'Every tool with its input and output JSON Schemas',
        response: { 200: toolListSchema, ...errors },
      },
    },
    (request) => {
      requireScope(request.actor, 'api:read');
      return { items: tools.list().map(toToolView) };
    },
  );

  routes.post(
    '/api/v1/tools/:name',
    {
      schema: {
        tags: ['tools'],
        summary: 'Call a tool; a failure of the tool itself is is_error: true with its error_code',
        params: z.object({ name: z.string().min(1).max(100) }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: toolCallResultViewSchema, ...errors },
      },
    },
    async (request) => {
      const tool = tools.get(request.params.name);
      const actor = requireScope(request.actor, tool.readOnly ? 'api:read' : 'api:write');
      return toToolCallResultView(await tools.call(actor, tool.name, request.body ?? {}));
    },
  );
}
