import { generateText } from 'ai';
import type { ModelRegistry } from './registry.js';

/** What a model wrote for a text tool, and which model wrote it. */
export interface Written {
  text: string;
  /** `model:<model id>`, for the tool's `method`. */
  method: string;
}

/**
 * Lets text tools ask the default model to write (an abstractive summary, a text in another tone).
 * Answers `undefined` when the default is the offline assistant — the tool then does its offline
 * best — and `{ failed }` when the model could not answer, so the tool can say why it fell back.
 */
export interface TextWriter {
  write(request: {
    instructions: string;
    text: string;
    signal: AbortSignal;
  }): Promise<Written | { failed: string } | undefined>;
}

export function createTextWriter(models: ModelRegistry): TextWriter {
  return {
    async write({ instructions, text, signal }) {
      const model = await models.resolve();
      if (model.id === 'offline') return undefined;
      try {
        const result = await generateText({
          model: model.model,
          system: instructions,
          prompt: text,
          abortSignal: signal,
          maxRetries: 1,
        });
        return { text: result.text.trim(), method: `model:${model.id}` };
      } catch (error) {
        if (signal.aborted) throw error;
        return { failed: error instanceof Error ? error.message.slice(0, 200) : 'the model did not answer' };
      }
    },
  };
}
