import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import { idParams, versionParams } from '../../../http/route-params.js';
import { workflowDefinitionSchema } from '../definition.js';
import {
  copyWorkflowInputSchema,
  exportedWorkflowSchema,
  exportQuerySchema,
  importedWorkflowSchema,
  importWorkflowInputSchema,
  listWorkflowsQuerySchema,
  validationResultSchema,
  workflowPageSchema,
  workflowSchema,
  workflowSettingsInputSchema,
  workflowVersionSchema,
} from '../schema/workflows.js';
import type { WorkflowDefinitions } from '../service/definitions.js';
import { useDefinitionBodyErrors } from './document-body.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/**
 * Workflow definitions over REST: /api/v1/workflows (CRUD, versions, restore, validate, import,
 * export, copy). `:id` takes a workflow's id or its name (yours first, then a shared one).
 */
export function registerWorkflowDefinitionRoutes(app: FastifyInstance, definitions: WorkflowDefinitions) {
  app.register(async (scope) => {
    useDefinitionBodyErrors(scope);
    const route = routeGroup(scope, { tags: ['workflows'], errors });

    route(
      {
        method: 'GET',
        url: '/api/v1/workflows',
        scope: 'api:read',
        summary: 'Your workflows and the shared ones, newest first; ?q= searches, ?mine= filters',
        querystring: listWorkflowsQuerySchema,
        response: workflowPageSchema,
      },
      (request) => definitions.list(request.user, request.query),
    );

    route(
      {
        method: 'POST',
        url: '/api/v1/workflows',
        scope: 'api:write',
        summary: 'Save a workflow definition (validated; version 1, private)',
        body: workflowDefinitionSchema,
        status: 201,
        response: workflowSchema,
      },
      (request) => definitions.create(request.user, request.body),
    );

    route(
      {
        method: 'POST',
        url: '/api/v1/workflows/validate',
        scope: 'api:read',
        summary:
          'Check a definition as saving would, saving nothing (400 WORKFLOW_INVALID naming the step and field)',
        body: workflowDefinitionSchema,
        response: validationResultSchema,
      },
      async (request) => (await definitions.validate(request.user, request.body), { valid: true as const }),
    );

    route(
      {
        method: 'POST',
        url: '/api/v1/workflows/import',
        scope: 'api:write',
        summary: 'Save a definition written as JSON or YAML (replace: a new version of yours by that name)',
        body: importWorkflowInputSchema,
        response: importedWorkflowSchema,
      },
      (request) => definitions.importDocument(request.user, request.body),
    );

    route(
      {
        method: 'GET',
        url: '/api/v1/workflows/:id',
        scope: 'api:read',
        summary: 'One workflow (by id or name) with its definition',
        params: idParams,
        response: workflowSchema,
      },
      (request) => definitions.get(request.user, request.params.id),
    );

    route(
      {
        method: 'PUT',
        url: '/api/v1/workflows/:id',
        scope: 'api:write',
        summary: 'Replace the definition of a workflow you own (a new version)',
        params: idParams,
        body: workflowDefinitionSchema,
        response: workflowSchema,
      },
      (request) => definitions.update(request.user, request.params.id, request.body),
    );

    route(
      {
        method: 'PATCH',
        url: '/api/v1/workflows/:id',
        scope: 'api:write',
        summary: 'Share or unshare a workflow you own, or publish it as an MCP tool (no new version)',
        params: idParams,
        body: workflowSettingsInputSchema,
        response: workflowSchema,
      },
      (request) => definitions.configure(request.user, request.params.id, request.body),
    );

    route(
      {
        method: 'DELETE',
        url: '/api/v1/workflows/:id',
        scope: 'api:write',
        summary: 'Delete a workflow you own with its versions (its runs stay)',
        params: idParams,
        status: 204,
      },
      (request) => definitions.remove(request.user, request.params.id),
    );

    route(
      {
        method: 'GET',
        url: '/api/v1/workflows/:id/versions',
        scope: 'api:read',
        summary: 'Every version, newest first',
        params: idParams,
        response: z.object({ items: z.array(workflowVersionSchema) }),
      },
      async (request) => ({ items: await definitions.versions(request.user, request.params.id) }),
    );

    route(
      {
        method: 'GET',
        url: '/api/v1/workflows/:id/versions/:version',
        scope: 'api:read',
        summary: 'One version',
        params: versionParams,
        response: workflowVersionSchema,
      },
      (request) => definitions.version(request.user, request.params.id, request.params.version),
    );

    route(
      {
        method: 'POST',
        url: '/api/v1/workflows/:id/versions/:version/restore',
        scope: 'api:write',
        summary: 'Make an old version current again (as a new version)',
        params: versionParams,
        response: workflowSchema,
      },
      (request) => definitions.restore(request.user, request.params.id, request.params.version),
    );

    route(
      {
        method: 'GET',
        url: '/api/v1/workflows/:id/export',
        scope: 'api:read',
        summary: 'The definition as JSON or YAML text (?format=yaml), ready to import',
        params: idParams,
        querystring: exportQuerySchema,
        response: exportedWorkflowSchema,
      },
      (request) => definitions.exportDocument(request.user, request.params.id, request.query.format),
    );

    route(
      {
        method: 'POST',
        url: '/api/v1/workflows/:id/copy',
        scope: 'api:write',
        summary: 'Copy a workflow you may read (yours or a shared one) into a new private one of yours',
        params: idParams,
        body: copyWorkflowInputSchema,
        status: 201,
        response: workflowSchema,
      },
      (request) => definitions.copy(request.user, request.params.id, request.body),
    );
  });
}
