import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../http/error-body.js';
import { routeGroup } from '../../http/route-group.js';
import { fileContent } from '../../http/validator-compiler.js';
import { exportFileSchema, importReportSchema } from './schema.js';
import type { PortabilityService } from './service.js';

const errors = errorAnswers(400, 401, 403, 413);

/** A user's data as one file: GET /api/v1/me/export and POST /api/v1/me/import. */
export function registerPortabilityRoutes(
  app: FastifyInstance,
  service: PortabilityService,
  { importLimit }: { importLimit: number },
) {
  const route = routeGroup(app, { tags: ['me'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/me/export',
      scope: 'api:read',
      summary:
        'Your memories, context spaces, agents and workflows as one JSON file (switchboard.export; a section over its item limit: 413 EXPORT_FILE_TOO_LARGE)',
      response: exportFileSchema,
    },
    (request) => service.exportFile(request.user),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/me/import',
      scope: 'api:write',
      summary:
        'Import an export file as new items of yours (checked whole first; taken names get a copy with a suffix, memories you have are skipped; over the upload limit 413 PAYLOAD_TOO_LARGE, a section over its item limit 413 EXPORT_FILE_TOO_LARGE)',
      body: fileContent(exportFileSchema),
      response: importReportSchema,
      bodyLimit: importLimit,
    },
    (request) => service.importFile(request.user, request.body),
  );
}
