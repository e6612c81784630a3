import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../http/error-body.js';
import { openSse } from '../../http/sse.js';
import { publicError } from '../../public-error.js';
import { completionRequestSchema, completionSchema } from './completions-schema.js';
import type { Complete } from './service/completions.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/**
 * POST /v1/chat/completions, as OpenAI's API has it (streamed or not), so existing clients and
 * SDKs can use Switchboard's assistant with the user's tools. `usage` adds tokens_per_second.
 */
export function registerCompletionRoutes(app: FastifyInstance, complete: Complete) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/chat/completions',
    {
      config: { scope: 'api:write' },
      schema: {
        tags: ['chat'],
        summary: 'OpenAI-compatible chat completions with Switchboard’s assistant and your tools',
        body: completionRequestSchema,
        response: { 200: completionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = { ...request.user, via: 'chat' as const };
      const abort = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const completion = await complete(actor, request.body, { signal: abort.signal, requestId: request.id });
      const { id, created, model } = completion;
      if (!request.body.stream) {
        let text = '';
        for await (const piece of completion.text()) text += piece;
        const message = { role: 'assistant' as const, content: text };
        const choices = [{ index: 0, message, finish_reason: 'stop' }];
        return {
          id,
          object: 'chat.completion' as const,
          created,
          model,
          choices,
          usage: await completion.usage(),
        };
      }
      const stream = openSse(
        reply,
        { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
        { isFirstToken: carriesText },
      );
      const chunk = (delta: object, finishReason: string | null = null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      });
      stream.send(chunk({ role: 'assistant', content: '' }));
      try {
        for await (const piece of completion.text()) stream.send(chunk({ content: piece }));
        stream.send({ ...chunk({}, 'stop'), usage: await completion.usage() });
      } catch (error) {
        const { code, message } = publicError(error, {
          logger: request.log,
          requestId: request.id,
          what: 'The assistant failed',
        });
        stream.send({ error: { code, message, type: 'server_error' } });
      }
      stream.send('[DONE]');
      stream.end();
      return reply;
    },
  );
}

/** A completion chunk with text in it (the first one is the stream's first token). */
function carriesText(data: unknown): boolean {
  const chunk = data as { choices?: { delta?: { content?: unknown } }[] } | null;
  return typeof chunk?.choices?.[0]?.delta?.content === 'string' && chunk.choices[0].delta.content !== '';
}
