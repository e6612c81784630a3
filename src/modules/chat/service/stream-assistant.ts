import { type ModelMessage, stepCountIs, streamText, type ToolSet } from 'ai';
import type { ResolvedModel } from '../../../models/registry.js';

/**
 * One call of the assistant loop: the model, its tools, up to `maxSteps` steps of tool calls. A
 * failed model request is retried once (a second wait would hold the user for seconds more).
 */
export function streamAssistant({
  model,
  system,
  messages,
  tools,
  maxSteps,
  signal,
  onStepFinish,
  providerOptions,
  forceTool,
}: {
  model: ResolvedModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  maxSteps: number;
  signal: AbortSignal;
  onStepFinish?: (step: { finishReason: string }) => void;
  providerOptions?: Record<string, Record<string, string>> | undefined;
  /** The tool the first step must call (a chat message that @mentions an agent). */
  forceTool?: string | undefined;
}) {
  return streamText({
    model: model.model,
    system,
    messages,
    tools,
    stopWhen: stepCountIs(maxSteps),
    abortSignal: signal,
    maxRetries: 1,
    ...(providerOptions ? { providerOptions } : {}),
    // Failures reach the caller through the stream; the SDK would also print them to the console.
    onError: () => {},
    ...(onStepFinish ? { onStepFinish } : {}),
    ...(forceTool
      ? {
          prepareStep: ({ stepNumber }: { stepNumber: number }) =>
            stepNumber === 0 ? { toolChoice: { type: 'tool' as const, toolName: forceTool } } : undefined,
        }
      : {}),
  });
}
