import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../http/error-body.js';
import {
  addTaskInputSchema,
  listTasksInputSchema,
  taskPageSchema,
  taskSchema,
  updateTaskFieldsSchema,
} from './schema.js';
import type { TaskService } from './service.js';
import { idParams } from '../../http/route-params.js';

const tags = ['tasks'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** The todo list over REST: /api/v1/tasks and /api/v1/tasks/{id}, the same service as the MCP tools. */
export function registerTaskRoutes(app: FastifyInstance, service: TaskService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/tasks',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Your tasks, newest first, filtered, a page at a time',
        querystring: listTasksInputSchema,
        response: { 200: taskPageSchema, ...errors },
      },
    },
    (request) => service.list(request.user, request.query),
  );

  routes.post(
    '/api/v1/tasks',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Add a task',
        body: addTaskInputSchema,
        response: { 201: taskSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.add(request.user, request.body)),
  );

  routes.get(
    '/api/v1/tasks/:id',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'One of your tasks',
        params: idParams,
        response: { 200: taskSchema, ...errors },
      },
    },
    (request) => service.get(request.user, request.params.id),
  );

  routes.patch(
    '/api/v1/tasks/:id',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Change a task; only the fields given change',
        params: idParams,
        body: updateTaskFieldsSchema,
        response: { 200: taskSchema, ...errors },
      },
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  routes.delete(
    '/api/v1/tasks/:id',
    {
      config: { scope: 'api:write' },
      schema: { tags, summary: 'Delete a task', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await service.delete(request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
