import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../../clock.js';
import { errorBodySchema } from '../../http/error-body.js';
import { openSse } from '../../http/sse.js';
import { requireScope } from '../identity/index.js';
import { completionRequestSchema, completionSchema } from './completions-schema.js';
import type { Complete } from './completions.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/**
 * POST /v1/chat/completions, as OpenAI's API has it (streamed or not), so existing clients and
 * SDKs can use Switchboard's assistant with the user's tools. `usage` adds tokens_per_second.
 */
export function registerCompletionRoutes(
  app: FastifyInstance,
  { complete, clock }: { complete: Complete; clock: Clock },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/chat/completions',
    {
      schema: {
        tags: ['chat'],
        summary: 'OpenAI-compatible chat completions with Switchboard’s assistant and your tools',
        body: completionRequestSchema,
        response: { 200: completionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = { ...requireScope(request.actor, 'api:write'), via: 'chat' as const };
      const abort = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const { model, result, started } = await complete(actor, request.body, abort.signal);
      const id = `chatcmpl-${started.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const created = Math.floor(started / 1000);
      const usageOf = async () => {
        const usage = await result.totalUsage;
        const seconds = (clock.now().getTime() - started) / 1000;
        const completionTokens = usage.outputTokens ?? 0;
        return {
          prompt_tokens: usage.inputTokens ?? 0,
          completion_tokens: completionTokens,
          total_tokens: (usage.inputTokens ?? 0) + completionTokens,
          tokens_per_second: seconds > 0 ? Math.round((completionTokens / seconds) * 10) / 10 : null,
        };
      };

      if (!request.body.stream) {
        const text = await result.text;
        return {
          id,
          object: 'chat.completion' as const,
          created,
          model,
          choices: [
            { index: 0, message: { role: 'assistant' as const, content: text }, finish_reason: 'stop' },
          ],
          usage: await usageOf(),
        };
      }
      const stream = openSse(reply, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
      });
      const chunk = (delta: object, finishReason: string | null = null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      });
      stream.send(chunk({ role: 'assistant', content: '' }));
      try {
        for await (const delta of result.textStream) stream.send(chunk({ content: delta }));
        stream.send({ ...chunk({}, 'stop'), usage: await usageOf() });
      } catch (error) {
        stream.send({
          error: {
            message: error instanceof Error ? error.message : 'The assistant failed',
            type: 'server_error',
          },
        });
      }
      stream.send('[DONE]');
      stream.end();
      return reply;
    },
  );
}
