import type { ModelMessage, ToolSet, UIMessageChunk } from 'ai';
import type { Logger } from '../../../logger.js';
import { heldModel } from '../../../models/held-model.js';
import type { ResolvedModel } from '../../../models/registry.js';
import { describeChatError } from '../chat-errors.js';
import { streamAssistant } from './stream-assistant.js';

export interface ModelCallInput {
  model: ResolvedModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  maxSteps: number;
  /** The request that asked for the reply: an internal failure is reported under its id. */
  requestId?: string | undefined;
  /** Per-request settings for the model's provider (the built-in assistant's time zone). */
  providerOptions?: Record<string, Record<string, string>> | undefined;
  /** The tool the first step must call: the agent a message @mentions (`agent__<name>`). */
  forceTool?: string | undefined;
}

/** What the call learnt as it went, read when the reply is stored. */
export interface ModelCallTally {
  steps: number;
  lastFinishReason: string | undefined;
  /** The last failure the stream reported (the model's or a step's), as the client is told it. */
  lastFailure: { code: string; message: string } | undefined;
}

export type ModelCall = ReturnType<typeof startModelCall>;

/**
 * Starts the model's call of a reply (the AI SDK's tool loop) with the model held until `until`
 * resolves: the SDK's work before it calls the model (checking the prompt, preparing the tools,
 * building its streams) is done while the turn is stored, and the model is still called (the
 * provider builds and sends its request) only once it is. Its chunks are read with `chunks`; `abort` ends it (a stop, or a
 * turn that was not stored: its requests are then never sent). `onToolFailure` names a failed tool
 * call's text for its card; other failures are the model's or the stream's.
 */
export function startModelCall(
  input: ModelCallInput,
  {
    until,
    logger,
    onToolFailure,
  }: {
    until: Promise<unknown>;
    logger: Logger;
    onToolFailure: (error: unknown) => string | undefined;
  },
) {
  const controller = new AbortController();
  const tally: ModelCallTally = { steps: 0, lastFinishReason: undefined, lastFailure: undefined };
  // The model's requests wait for `until`; the SDK's work before them does not.
  const result = streamAssistant({
    model: { ...input.model, model: heldModel(input.model.model, until) },
    system: input.system,
    messages: input.messages,
    tools: input.tools,
    maxSteps: input.maxSteps,
    ...(input.providerOptions ? { providerOptions: input.providerOptions } : {}),
    forceTool: input.forceTool,
    signal: controller.signal,
    onStepFinish: (step) => {
      tally.steps += 1;
      tally.lastFinishReason = step.finishReason;
    },
  });
  const chunks: AsyncIterable<UIMessageChunk> = result.toUIMessageStream({
    sendStart: false,
    sendFinish: false,
    sendReasoning: true,
    // Called for a tool call's failure and for the model's alike; which it was shows in the
    // chunk that carries the text (a tool-…-error, or an error of the whole stream).
    onError: (error) => {
      const toolFailure = onToolFailure(error);
      if (toolFailure) return toolFailure;
      tally.lastFailure = describeChatError(error, { logger, requestId: input.requestId });
      return tally.lastFailure.message;
    },
  });
  return {
    chunks,
    tally,
    totalUsage: () => result.totalUsage,
    abort: (reason: unknown) => controller.abort(reason),
    /** Ends the call when `signal` aborts (the run's: a stop, the client gone, a shutdown). */
    follow(signal: AbortSignal) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    },
  };
}
