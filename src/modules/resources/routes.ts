import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorAnswers } from '../../http/error-body.js';
import {
  createResourceInputSchema,
  listResourcesQuerySchema,
  resourcePageSchema,
  resourceSchema,
  resourceStatsSchema,
  resourceVersionSchema,
  resourceVersionWithTextSchema,
  resourceWithTextSchema,
  updateResourceInputSchema,
} from './schema.js';
import type { ResourceService } from './service.js';
import { readUpload } from './upload.js';
import { routeGroup } from '../../http/route-group.js';
import { idParams, versionParams } from '../../http/route-params.js';

const tags = ['resources'];
// 422 EXTRACTION_LIMIT: a file whose text cannot be read within the EXTRACT_* limits.
const errors = errorAnswers(400, 401, 403, 404, 413, 422);

/** Served bytes may be HTML or SVG from anyone: never let them run as a page of ours. */
const sandbox = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/**
 * Documents over REST: /api/v1/resources (list, search with ?q=, create a note or a URL, upload a
 * file), /api/v1/resources/{id} (read, change, delete), its bytes, refresh, versions and restore.
 */
export function registerResourceRoutes(
  app: FastifyInstance,
  service: ResourceService,
  { uploadLimit }: { uploadLimit: number },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const route = routeGroup(app, { tags, errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/resources',
      scope: 'api:read',
      summary: 'Your resources and the shared ones, newest first — or best match first with ?q=',
      querystring: listResourcesQuerySchema,
      response: resourcePageSchema,
    },
    (request) => service.list(request.user, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/resources/stats',
      scope: 'api:read',
      summary: 'How many resources you have, by kind, and their size',
      response: resourceStatsSchema,
    },
    (request) => service.stats(request.user),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/resources',
      scope: 'api:write',
      summary: 'Write a note (kind text) or add a web page (kind url, fetched now)',
      body: createResourceInputSchema,
      status: 201,
      response: resourceSchema,
    },
    (request) => service.create(request.user, request.body),
  );

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: uploadLimit, files: 1, fields: 20, parts: 21 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/resources/upload',
      {
        config: { scope: 'api:write' },
        schema: {
          tags,
          summary:
            'Upload a file (multipart/form-data: the file in "file"; name, description, tags, visibility, metadata beside it)',
          consumes: ['multipart/form-data'],
          response: { 201: resourceSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.user;
        const { file, fields } = await readUpload(request, uploadLimit);
        return reply.status(201).send(await service.upload(actor, file, fields));
      },
    );
  });

  route(
    {
      method: 'GET',
      url: '/api/v1/resources/:id',
      scope: 'api:read',
      summary: 'A resource with its text',
      params: idParams,
      response: resourceWithTextSchema,
    },
    (request) => service.get(request.user, request.params.id),
  );

  routes.get(
    '/api/v1/resources/:id/content',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'The resource’s own bytes (the file, the page, the note) with its type',
        params: idParams,
        querystring: z.object({ disposition: z.enum(['attachment', 'inline']).default('attachment') }),
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { resource, bytes } = await service.content(request.user, request.params.id);
      const filename = resource.filename ?? resource.name;
      return reply
        .header('content-type', resource.mime_type)
        .header('content-security-policy', sandbox)
        .header('content-disposition', contentDisposition(request.query.disposition, filename))
        .send(bytes);
    },
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/resources/:id',
      scope: 'api:write',
      summary: 'Change a resource; new content of a note keeps the previous version',
      params: idParams,
      body: updateResourceInputSchema,
      response: resourceSchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/resources/:id',
      scope: 'api:write',
      summary: 'Delete a resource and its versions',
      params: idParams,
      status: 204,
    },
    (request) => service.delete(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/resources/:id/refresh',
      scope: 'api:write',
      summary: 'Fetch a URL resource again; a changed page becomes a new version',
      params: idParams,
      response: resourceSchema,
    },
    (request) => service.refresh(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/resources/:id/versions',
      scope: 'api:read',
      summary: 'Every version of a resource, the current one first',
      params: idParams,
      response: z.object({ items: z.array(resourceVersionSchema) }),
    },
    async (request) => ({ items: await service.versions(request.user, request.params.id) }),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/resources/:id/versions/:version',
      scope: 'api:read',
      summary: 'One version of a resource, with its text',
      params: versionParams,
      response: resourceVersionWithTextSchema,
    },
    (request) => service.version(request.user, request.params.id, request.params.version),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/resources/:id/versions/:version/restore',
      scope: 'api:write',
      summary: 'Make an earlier version current again (as a new version)',
      params: versionParams,
      response: resourceSchema,
    },
    (request) => service.restore(request.user, request.params.id, request.params.version),
  );
}
