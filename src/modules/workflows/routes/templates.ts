import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import { idParams } from '../../../http/route-params.js';
import { copyWorkflowInputSchema, workflowSchema, workflowTemplateSchema } from '../schema/workflows.js';
import type { WorkflowDefinitions } from '../service/definitions.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** The built-in workflow templates: list them, copy one into your workflows. */
export function registerWorkflowTemplateRoutes(app: FastifyInstance, definitions: WorkflowDefinitions) {
  const route = routeGroup(app, { tags: ['workflows'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/workflow-templates',
      scope: 'api:read',
      summary: 'The built-in workflow templates',
      response: z.object({ items: z.array(workflowTemplateSchema) }),
    },
    async () => ({ items: definitions.templates() }),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/workflow-templates/:id/copy',
      scope: 'api:write',
      summary:
        'Copy a template into a new private workflow of yours (named as given, or the template’s name made free)',
      params: idParams,
      body: copyWorkflowInputSchema,
      status: 201,
      response: workflowSchema,
    },
    (request) => definitions.copyTemplate(request.user, request.params.id, request.body.name),
  );
}
