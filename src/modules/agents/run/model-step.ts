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
}: {
  model: ResolvedModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  signal: AbortSignal;
  providerOptions?: Record<string, Record<string, string>> | undefined;
  onChunk: (chunk: UIMessageChunk) => void;
  logger: Logger;
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
  for await (const chunk of stream) {
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
  };
}

function toolFailureText(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error instanceof ToolCallFailedError) return error.message;
  if (error instanceof Error && error.cause instanceof ToolCallFailedError) return error.cause.message;
  return undefined;
}
