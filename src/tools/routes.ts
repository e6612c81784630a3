import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-body.js';
import { toolCallResultViewSchema, toolListSchema } from './schema.js';
import type { ToolRunner } from './tool-runner.js';
import { toToolCallResultView, toToolView } from './tool-view.js';
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Every tool over REST: list them with their schemas, and call one with its arguments as the body. */
export function registerToolRoutes(app: FastifyInstance, tools: ToolRunner) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const toolNamed = (request: FastifyRequest) => tools.get((request.params as { name: string }).name);

  routes.get(
    '/api/v1/tools',
    {
      config: { scope: 'api:read' },
      schema: {
        tags: ['tools'],
        summary: 'Every tool with its input and output JSON Schemas',
        response: { 200: toolListSchema, ...errors },
      },
    },
    () => ({ items: tools.list().map(toToolView) }),
  );

  routes.post(
    '/api/v1/tools/:name',
    {
      // A tool that only reads needs api:read; any other api:write (TOOL_NOT_FOUND comes after 401).
      config: { scope: (request) => (toolNamed(request).readOnly ? 'api:read' : 'api:write') },
      schema: {
        tags: ['tools'],
        summary: 'Call a tool; a failure of the tool itself is is_error: true with its error_code',
        params: z.object({ name: z.string().min(1).max(100) }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: toolCallResultViewSchema, ...errors },
      },
    },
    async (request) =>
      toToolCallResultView(
        await tools.call(request.user, request.params.name, request.body ?? {}, { requestId: request.id }),
      ),
  );
}
