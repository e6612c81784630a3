import type { ModelMessage, ToolSet, UIMessageChunk } from 'ai';
import type { Logger } from '../../../logger.js';
import type { ResolvedModel } from '../../../models/registry.js';
import { describeChatError, streamAssistant, ToolCallFailedError } from '../../chat/index.js';

/** What one model step left: the messages it added (its call, the tools' results), its text and use. */
export interface StepOutcome {
  messages: ModelMessage[];
  text: string;
  finishReason: string;
  toolCalls: string[];
  tokensIn: number;
  tokensOut: number;
  /** How long each tool ran, by tool call id (steps recorded before this was kept have none). */
  toolDurations?: Record<string, number>;
  failure?: { code: string; message: string };
}

/**
 * One step of the chat loop (the chat's own `streamAssistant`, one step at a time): the model
 * answers or calls tools, which run. Its UI message chunks go to `onChunk` as they come (the run's
 * live stream). A failing model is an outcome with `failure`; a stop (cancel, timeout) throws.
 */
export async function runModelStep({
  model,
  system,
  messages,
  tools,
  signal,
  providerOptions,
  onChunk,
  logger,
  now = Date.now,
}: {
  model: ResolvedModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  signal: AbortSignal;
  providerOptions?: Record<string, Record<string, string>> | undefined;
  onChunk: (chunk: UIMessageChunk) => void;
  logger: Logger;
  /** The clock tool durations are read from. */
  now?: () => number;
}): Promise<StepOutcome> {
  const result = streamAssistant({ model, system, messages, tools, maxSteps: 1, signal, providerOptions });
  let lastFailure: { code: string; message: string } | undefined;
  let failure: { code: string; message: string } | undefined;
  const stream = result.toUIMessageStream({
    sendStart: false,
    sendFinish: false,
    sendReasoning: true,
    onError: (error) => {
      const toolFailure = toolFailureText(error);
      if (toolFailure) return toolFailure;
      lastFailure = describeChatError(error, { logger });
      return lastFailure.message;
    },
  });
  const durations = toolTimer(now);
  for await (const chunk of stream) {
    durations.see(chunk);
    if (chunk.type === 'error') failure = lastFailure ?? { code: 'MODEL_ERROR', message: chunk.errorText };
    onChunk(chunk);
  }
  signal.throwIfAborted();
  const empty = { messages: [], text: '', finishReason: 'error', toolCalls: [], tokensIn: 0, tokensOut: 0 };
  if (failure) return { ...empty, failure };
  const [response, usage, finishReason, text, toolCalls] = await Promise.all([
    result.response,
    result.totalUsage,
    result.finishReason,
    result.text,
    result.toolCalls,
  ]);
  return {
    messages: response.messages,
    text,
    finishReason,
    toolCalls: toolCalls.map((call) => call.toolName),
    tokensIn: usage.inputTokens ?? 0,
    tokensOut: usage.outputTokens ?? 0,
    toolDurations: durations.measured,
  };
}

/** Times each tool call from its input to its result, as the chunks come. */
function toolTimer(now: () => number) {
  const started = new Map<string, number>();
  // A call approved in the step before runs first thing in this one, with no input chunk here.
  const begun = now();
  const measured: Record<string, number> = {};
  return {
    measured,
    see(chunk: UIMessageChunk): void {
      if (chunk.type === 'tool-input-available') started.set(chunk.toolCallId, now());
      const ended =
        (chunk.type === 'tool-output-available' && !chunk.preliminary) || chunk.type === 'tool-output-error';
      if (ended) measured[chunk.toolCallId] = now() - (started.get(chunk.toolCallId) ?? begun);
    },
  };
}

function toolFailureText(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error instanceof ToolCallFailedError) return error.message;
  if (error instanceof Error && error.cause instanceof ToolCallFailedError) return error.cause.message;
  return undefined;
}
