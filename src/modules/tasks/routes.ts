import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../http/error-body.js';
import { idParams } from '../../http/route-params.js';
import { routeGroup } from '../../http/route-group.js';
import {
  addTaskInputSchema,
  listTasksInputSchema,
  taskPageSchema,
  taskSchema,
  updateTaskFieldsSchema,
} from './schema.js';
import type { TaskService } from './service.js';

const errors = errorAnswers(400, 401, 403, 404);

/** The todo list over REST: /api/v1/tasks and /api/v1/tasks/{id}, the same service as the MCP tools. */
export function registerTaskRoutes(app: FastifyInstance, service: TaskService) {
  const route = routeGroup(app, { tags: ['tasks'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/tasks',
      scope: 'api:read',
      summary: 'Your tasks, newest first, filtered, a page at a time',
      querystring: listTasksInputSchema,
      response: taskPageSchema,
    },
    (request) => service.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/tasks',
      scope: 'api:write',
      summary: 'Add a task',
      body: addTaskInputSchema,
      status: 201,
      response: taskSchema,
    },
    (request) => service.add(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/tasks/:id',
      scope: 'api:read',
      summary: 'One of your tasks',
      params: idParams,
      response: taskSchema,
    },
    (request) => service.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/tasks/:id',
      scope: 'api:write',
      summary: 'Change a task; only the fields given change',
      params: idParams,
      body: updateTaskFieldsSchema,
      response: taskSchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/tasks/:id',
      scope: 'api:write',
      summary: 'Delete a task',
      params: idParams,
      status: 204,
    },
    (request) => service.delete(request.user, request.params.id),
  );
}
