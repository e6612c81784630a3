import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../http/error-body.js';
import { idParams } from '../../http/route-params.js';
import { routeGroup } from '../../http/route-group.js';
import {
  analyticsInputSchema,
  compressConversationInputSchema,
  listMemoriesInputSchema,
  memoryAnalyticsSchema,
  memoryPageSchema,
  memorySchema,
  mergeInputSchema,
  mergeResultSchema,
  rememberInputSchema,
  searchMemoriesInputSchema,
  searchResultSchema,
  updateMemoryFieldsSchema,
} from './schema.js';
import type { MemoryService } from './service.js';

const errors = errorAnswers(400, 401, 403, 404);
const scopeQuery = mergeInputSchema;

/** Long-term memory over REST: /api/v1/memories and below, the same service as the memory tools. */
export function registerMemoryRoutes(app: FastifyInstance, service: MemoryService) {
  const route = routeGroup(app, { tags: ['memories'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/memories',
      scope: 'api:read',
      summary: 'Your memories (or an agent’s or team’s of yours), newest first, a page at a time',
      querystring: listMemoriesInputSchema,
      response: memoryPageSchema,
    },
    (request) => service.list(request.user, request.query),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/memories',
      scope: 'api:write',
      summary: 'Remember a fact (the same fact is kept once)',
      body: rememberInputSchema,
      status: 201,
      response: memorySchema,
    },
    (request) => service.remember(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/memories/search',
      scope: 'api:read',
      summary: 'Memories relevant to a query, best first (full text, trigram, and vectors when configured)',
      querystring: searchMemoriesInputSchema,
      response: searchResultSchema,
    },
    async (request) => ({ items: await service.search(request.user, request.query) }),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/memories/analytics',
      scope: 'api:read',
      summary: 'Counts, growth per day, most used and recall hit rate of a scope',
      querystring: analyticsInputSchema,
      response: memoryAnalyticsSchema,
    },
    (request) => service.analytics(request.user, request.query),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/memories/merge',
      scope: 'api:write',
      summary: 'Fold memories that say the same fact into one (max importance, all tags)',
      body: scopeQuery,
      response: mergeResultSchema,
    },
    (request) => service.mergeDuplicates(request.user, request.body),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/memories/compress',
      scope: 'api:write',
      summary: 'Keep a conversation as one summary memory',
      body: compressConversationInputSchema,
      status: 201,
      response: memorySchema,
    },
    (request) => service.compressConversation(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/memories/:id',
      scope: 'api:read',
      summary: 'One of your memories',
      params: idParams,
      response: memorySchema,
    },
    (request) => service.get(request.user, request.params.id),
  );
  route(
    {
      method: 'PATCH',
      url: '/api/v1/memories/:id',
      scope: 'api:write',
      summary: 'Change a memory’s text, tags or importance',
      params: idParams,
      body: updateMemoryFieldsSchema,
      response: memorySchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/memories/:id',
      scope: 'api:write',
      summary: 'Forget a memory for good',
      params: idParams,
      status: 204,
    },
    (request) => service.forget(request.user, request.params.id),
  );
  for (const [action, summary] of [
    ['archive', 'Archive a memory: kept, but no longer recalled'],
    ['unarchive', 'Bring an archived memory back into recall'],
  ] as const)
    route(
      {
        method: 'POST',
        url: `/api/v1/memories/:id/${action}`,
        scope: 'api:write',
        summary,
        params: idParams,
        body: z.object({}).optional(),
        response: memorySchema,
      },
      (request) => service[action](request.user, request.params.id),
    );
}
