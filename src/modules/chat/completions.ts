import type { ModelMessage } from 'ai';
import type { UserActor } from '../../actor.js';
import type { Clock } from '../../clock.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { UsersService } from '../identity/index.js';
import { assistantTools } from './assistant-tools.js';
import { systemPrompt } from './context-window.js';
import { type CompletionRequest, contentText } from './completions-schema.js';
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
}: {
  models: ModelRegistry;
  tools: ToolRunner;
  users: UsersService;
  clock: Clock;
  maxSteps: number;
  toolApproval: 'destructive' | 'none';
}) {
  return async function complete(actor: UserActor, request: CompletionRequest, signal: AbortSignal) {
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
    const offered = tools.list().filter((tool) => toolApproval === 'none' || tool.destructive !== true);
    const runner = { ...tools, list: () => offered };
    const started = clock.now().getTime();
    const result = streamAssistant({
      model,
      system: [systemPrompt({ userName: me.name || me.email, now: clock.now() }), ...instructions].join(
        '\n\n',
      ),
      messages,
      tools: assistantTools({ runner, actor }),
      maxSteps,
      signal,
    });
    return { model: model.id, result, started };
  };
}

export type Complete = ReturnType<typeof createCompletions>;
