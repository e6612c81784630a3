import type { LanguageModelV3 } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';

/**
 * `model`, whose calls wait for `until` before they reach the model (and fail with its error,
 * unsent, when it rejects). The chat starts the AI SDK while the turn is stored (its prompt
 * checks, streams and tool definitions take milliseconds of CPU) and holds the model's call
 * itself until the turn has committed: the model is never called about a turn that was not stored.
 * Calls made once `until` has settled (a tool loop's next steps) go at once.
 */
export function heldModel(model: LanguageModelV3, until: Promise<unknown>): LanguageModelV3 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v3',
      wrapGenerate: async ({ doGenerate }) => {
        await until;
        return doGenerate();
      },
      wrapStream: async ({ doStream }) => {
        await until;
        return doStream();
      },
    },
  });
}
