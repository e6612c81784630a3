import type { ModelMessage } from 'ai';
import type { UserActor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import { InvalidInputError, ServiceUnavailableError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { ModelRegistry } from '../../../models/registry.js';
import type { ToolRunner } from '../../../tools/tool-runner.js';
import type { UsersService } from '../../identity/index.js';
import { assistantTools } from '../assistant-tools.js';
import { describeChatError } from '../chat-errors.js';
import { systemPrompt } from './context-window.js';
import { type CompletionRequest, contentText } from '../completions-schema.js';
import { streamAssistant } from './stream-assistant.js';

/** The id clients may send for "whatever the default model is". */
const defaultAlias = 'switchboard';

/**
 * Switchboard's assistant for clients that speak the OpenAI chat API: the history comes with each
 * request (nothing is stored), the user's tools run on the server, and the model is the default
 * one unless the request names an allowed one. Tools that would wait for approval are not offered,
 * since this API cannot ask.
 */
export function createCompletions({
  models,
  tools,
  users,
  clock,
  maxSteps,
  toolApproval,
  logger,
}: {
  models: ModelRegistry;
  tools: ToolRunner;
  users: UsersService;
  clock: Clock;
  maxSteps: number;
  toolApproval: 'destructive' | 'none';
  logger: Logger;
}) {
  return async function complete(
    actor: UserActor,
    request: CompletionRequest,
    { signal, requestId }: { signal: AbortSignal; requestId?: string },
  ) {
    const model = await models.resolve(request.model === defaultAlias ? undefined : request.model);
    const me = await users.me(actor);
    const instructions = request.messages
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => contentText(message.content));
    const messages: ModelMessage[] = request.messages.flatMap((message): ModelMessage[] => {
      const text = contentText(message.content);
      if (!text || (message.role !== 'user' && message.role !== 'assistant')) return [];
      return [{ role: message.role, content: text }];
    });
    if (messages.length === 0)
      throw new InvalidInputError('messages: give at least one user or assistant message with text', {
        field: 'messages',
      });
    const offered = tools.list().filter((tool) => toolApproval === 'none' || tool.destructive !== true);
    const runner = { ...tools, list: () => offered };
    const result = streamAssistant({
      model,
      system: [systemPrompt({ userName: me.name || me.email, now: clock.now() }), ...instructions].join(
        '\n\n',
      ),
      messages,
      tools: assistantTools({ runner, actor, requestId }),
      maxSteps,
      signal,
    });
    return completionOf({ model: model.id, result, clock, logger, requestId });
  };
}

/**
 * One completion as OpenAI's API shapes it: its text as it comes, then its usage, where
 * tokens_per_second is output tokens over the time from the first token to the last (as in the
 * chat's metrics). A model failure ends the text with a CompletionFailed error carrying its code.
 */
function completionOf({
  model,
  result,
  clock,
  logger,
  requestId,
}: {
  model: string;
  result: ReturnType<typeof streamAssistant>;
  clock: Clock;
  logger: Logger;
  requestId: string | undefined;
}) {
  const started = clock.now().getTime();
  let firstTokenAt: number | undefined;
  let finishedAt = started;
  return {
    id: `chatcmpl-${started.toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    created: Math.floor(started / 1000),
    model,

    /** The reply's text, piece by piece; throws a ServiceUnavailableError when the model fails. */
    async *text(): AsyncGenerator<string> {
      for await (const part of result.fullStream) {
        if (part.type === 'error') {
          const { code, message } = describeChatError(part.error, { logger, requestId });
          throw new ServiceUnavailableError(code, message);
        }
        if (part.type !== 'text-delta') continue;
        firstTokenAt ??= clock.now().getTime();
        yield part.text;
      }
      finishedAt = clock.now().getTime();
    },

    async usage() {
      const usage = await result.totalUsage;
      const completionTokens = usage.outputTokens ?? 0;
      const generatingMs = finishedAt - (firstTokenAt ?? started);
      return {
        prompt_tokens: usage.inputTokens ?? 0,
        completion_tokens: completionTokens,
        total_tokens: (usage.inputTokens ?? 0) + completionTokens,
        tokens_per_second:
          generatingMs > 0 ? Math.round((completionTokens / generatingMs) * 10_000) / 10 : null,
      };
    },
  };
}

export type Completion = ReturnType<typeof completionOf>;

export type Complete = ReturnType<typeof createCompletions>;
