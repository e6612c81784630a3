import { UI_MESSAGE_STREAM_HEADERS } from 'ai';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserActor } from '../../actor.js';
import { errorBodySchema } from '../../http/error-body.js';
import { openSse } from '../../http/sse.js';
import { messageSchema } from '../conversations/index.js';
import { producesContent, type ReplyStream } from './service/chat-run.js';
import { chatRequestSchema, chatResultSchema } from './schema.js';
import type { ChatService } from './service.js';

const tags = ['chat'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  503: errorBodySchema,
};
const id = z.string().min(1).max(100);

/**
 * The assistant over HTTP: POST /api/v1/chat answers with the AI SDK UI message stream (SSE) or,
 * for `Accept: application/json`, with the finished reply; a reply being written can be resumed
 * from where a client lost it and stopped.
 */
export function registerChatRoutes(app: FastifyInstance, chat: ChatService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const chatActor = (request: FastifyRequest): UserActor => ({ ...request.user, via: 'chat' });

  routes.post(
    '/api/v1/chat',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary:
          'Send a message (or an edit, a regeneration, approvals) and get the reply, streamed or whole',
        description:
          'With Accept: text/event-stream the reply comes as the AI SDK UI message stream (useChat works as is); each event has an id to resume from. Otherwise the finished reply as JSON.',
        body: chatRequestSchema,
        response: { 200: chatResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = chatActor(request);
      const run = await chat.start(actor, request.body, { requestId: request.id });
      if (wantsStream(request)) {
        // The model's request goes first: the SDK builds and sends it in the promise jobs that
        // follow the start, which this waits out (the response's headers cost a write and the
        // client's attention, and the model is the slower of the two).
        await nextMacrotask();
        return streamRun(reply, run, 0);
      }
      const stopListening = run.listen(0, () => {});
      reply.raw.on('close', stopListening);
      return chat.result(actor, run);
    },
  );

  routes.get(
    '/api/v1/chat/:id/stream',
    {
      config: { scope: 'api:read' },
      schema: {
        tags,
        summary: 'Resume the reply being written in a conversation (204 when none is)',
        description:
          "Send Last-Event-ID (events are numbered `<reply id>:<n>`) or ?after=<n> to get only the events after it; without it, or with another reply's id, the whole reply so far.",
        params: z.object({ id }),
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const run = await chat.active(request.user, request.params.id);
      if (!run || run.isEnded()) return reply.status(204).send(null);
      const after = request.query.after ?? seqAfter(request.headers['last-event-id'], run.replyId);
      return streamRun(reply, run, after);
    },
  );

  routes.post(
    '/api/v1/chat/:id/stop',
    {
      config: { scope: 'api:write' },
      schema: {
        tags,
        summary: 'Stop a reply being written; it is kept, marked interrupted, with what it had',
        params: z.object({ id: id.describe("The reply's message id") }),
        response: { 200: messageSchema, ...errors },
      },
    },
    (request) => chat.stop(chatActor(request), request.params.id),
  );
}

/** The place in this reply a Last-Event-ID (`<reply id>:<n>`) names; 0 for another reply's id, or none. */
function seqAfter(lastEventId: string | string[] | undefined, replyId: string): number {
  const [id, seq] = String(lastEventId ?? '').split(':');
  const position = Number(seq);
  return id === replyId && Number.isInteger(position) && position > 0 ? position : 0;
}

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function wantsStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

function streamRun(reply: FastifyReply, run: ReplyStream, after: number) {
  // The first token leaves as soon as it is made, not once the rest of a burst the model sent at
  // once has been processed (about 4 ms on bench/chat.bench.ts, Node 20).
  const stream = openSse(reply, UI_MESSAGE_STREAM_HEADERS, { isFirstToken: producesContent });
  const stopListening = run.listen(after, (event) => {
    if (event === 'end') {
      stream.send('[DONE]');
      stream.end();
    } else {
      stream.send(event.chunk, `${run.replyId}:${event.seq}`);
    }
  });
  stream.onClose(stopListening);
  return reply;
}
