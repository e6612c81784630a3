import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../http/content-disposition.js';
import { errorAnswers, errorBodySchema } from '../../http/error-body.js';
import { fileContent } from '../../http/validator-compiler.js';
import { idParams } from '../../http/route-params.js';
import { routeGroup } from '../../http/route-group.js';
import type { ExportedFile } from './service/export.js';
import {
  conversationPageSchema,
  conversationSchema,
  createConversationInputSchema,
  exportInputSchema,
  importResultSchema,
  listConversationsInputSchema,
  listMessagesInputSchema,
  messageHitPageSchema,
  messageListSchema,
  searchMessagesInputSchema,
  updateConversationInputSchema,
} from './schema.js';
import type { ConversationService } from './service.js';

const tags = ['conversations'];
const errors = errorAnswers(400, 401, 403, 404);
const messageParams = idParams.extend({ message_id: z.string().min(1).max(100) });
const exported = z.any().describe('JSON (application/json) or Markdown (text/markdown), as a download');

/** JSON as application/json; Markdown as text/markdown; either as a named download. */
function sendFile(reply: FastifyReply, file: ExportedFile) {
  reply.header('content-disposition', contentDisposition('attachment', file.filename));
  if (file.format === 'json') return reply.send(file.data);
  return reply.header('content-type', 'text/markdown; charset=utf-8').send(file.text);
}

/**
 * Conversations over REST: /api/v1/conversations (list, create, search, export, import) and
 * /api/v1/conversations/{id} (read, change, delete, messages, export, switch branch).
 */
export function registerConversationRoutes(
  app: FastifyInstance,
  service: ConversationService,
  { importLimit }: { importLimit: number },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const route = routeGroup(app, { tags, errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/conversations',
      scope: 'api:read',
      summary: 'Your conversations, most recent activity first, filtered (?query= matches titles)',
      querystring: listConversationsInputSchema,
      response: conversationPageSchema,
    },
    (request) => service.list(request.user, request.query),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/conversations',
      scope: 'api:write',
      summary: 'Start a conversation',
      body: createConversationInputSchema,
      status: 201,
      response: conversationSchema,
    },
    (request) => service.create(request.user, request.body),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/conversations/search',
      scope: 'api:read',
      summary: 'Find words in your messages, best match first, with the matching passage',
      querystring: searchMessagesInputSchema,
      response: messageHitPageSchema,
    },
    (request) => service.search(request.user, request.query),
  );

  routes.get(
    '/api/v1/conversations/export',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Export all your conversations: JSON with everything, or Markdown of each active branch',
        querystring: exportInputSchema,
        response: { 200: exported, ...errors },
      },
    },
    async (request, reply) => sendFile(reply, await service.exportConversations(request.user, request.query)),
  );

  routes.post(
    '/api/v1/conversations/import',
    {
      config: { scope: 'api:write' },
      bodyLimit: importLimit,
      schema: {
        tags,
        summary: 'Import a Switchboard JSON export or ChatGPT’s conversations.json as new conversations',
        body: fileContent(z.unknown().describe('The export file’s JSON')),
        response: { 201: importResultSchema, ...errors, 413: errorBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.importConversations(request.user, request.body)),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/conversations/:id',
      scope: 'api:read',
      summary: 'One of your conversations',
      params: idParams,
      response: conversationSchema,
    },
    (request) => service.get(request.user, request.params.id),
  );

  route(
    {
      method: 'PATCH',
      url: '/api/v1/conversations/:id',
      scope: 'api:write',
      summary: 'Rename, pin, archive, retag or change the model; only the fields given change',
      params: idParams,
      body: updateConversationInputSchema,
      response: conversationSchema,
    },
    (request) => service.update(request.user, request.params.id, request.body),
  );

  route(
    {
      method: 'DELETE',
      url: '/api/v1/conversations/:id',
      scope: 'api:write',
      summary: 'Delete a conversation and all its messages',
      params: idParams,
      status: 204,
    },
    (request) => service.delete(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/conversations/:id/messages',
      scope: 'api:read',
      summary:
        'The active branch root → leaf (default), or ?branch=all for the whole tree, each with its siblings',
      params: idParams,
      querystring: listMessagesInputSchema,
      response: messageListSchema,
    },
    async (request) => ({ items: await service.messages(request.user, request.params.id, request.query) }),
  );

  routes.get(
    '/api/v1/conversations/:id/export',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Export one conversation: JSON with everything, or Markdown of its active branch',
        params: idParams,
        querystring: exportInputSchema,
        response: { 200: exported, ...errors },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await service.exportConversations(request.user, {
          ...request.query,
          conversationId: request.params.id,
        }),
      ),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/conversations/:id/messages/:message_id/activate',
      scope: 'api:write',
      summary: 'Switch to the branch through this message (down to its newest reply)',
      params: messageParams,
      response: conversationSchema,
    },
    (request) =>
      service.activate(request.user, request.params.message_id, { conversationId: request.params.id }),
  );
}
