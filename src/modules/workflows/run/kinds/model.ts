import { generateText, jsonSchema, Output } from 'ai';
import { StepFailedError } from '../../errors.js';
import type { ActRunner } from './act.js';

/**
 * One model call: the step's model, or the default (the offline assistant where no model is
 * configured). Output `{ text }`, and `object` too when the step gives an `output_schema`.
 */
export const runModelStep: ActRunner<'model'> = async (step, input, context, signal) => {
  const resolved = await context.deps.models.resolve(step.model ?? null);
  const prompt = typeof input.prompt === 'string' ? input.prompt : JSON.stringify(input.prompt);
  const system = typeof input.system === 'string' ? input.system : undefined;
  try {
    const common = {
      model: resolved.model,
      prompt,
      abortSignal: signal,
      maxRetries: 1,
      ...(system ? { system } : {}),
    };
    if (step.output_schema) {
      const result = await generateText({
        ...common,
        output: Output.object({ schema: jsonSchema(step.output_schema) }),
      });
      return {
        output: { text: result.text, object: result.output },
        model: resolved.id,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
      };
    }
    const result = await generateText(common);
    return {
      output: { text: result.text },
      model: resolved.id,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
    };
  } catch (error) {
    if (signal.aborted) throw error;
    const message = error instanceof Error ? error.message.slice(0, 500) : 'the model did not answer';
    throw new StepFailedError(step.output_schema ? 'MODEL_OUTPUT_INVALID' : 'MODEL_FAILED', message);
  }
};
