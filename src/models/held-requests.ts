import { AsyncLocalStorage } from 'node:async_hooks';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';

/**
 * What a model call started by `holdingRequests` waits for before it reaches the model. The
 * chat starts the AI SDK while the turn is stored (its prompt checks, streams and tool
 * definitions take milliseconds of CPU) and holds the request itself until the turn has
 * committed: the model is never called about a turn that was not stored.
 */
const holds = new AsyncLocalStorage<Promise<unknown>>();

/**
 * Runs `start` (which starts model calls, such as the AI SDK's `streamText`) with every model
 * request it makes held until `until` resolves; when `until` rejects, they fail with its error,
 * unsent. Requests made later in the same work (a tool loop's next step) find it settled.
 */
export function holdingRequests<Result>(until: Promise<unknown>, start: () => Result): Result {
  return holds.run(until, start);
}

/** The hold of the current model call (none outside `holdingRequests`). */
function currentHold(): Promise<unknown> | undefined {
  return holds.getStore();
}

/** A provider's `fetch` that sends once the current call's hold is released (at once without one). */
export function heldFetch(send: typeof fetch = (input, init) => globalThis.fetch(input, init)): typeof fetch {
  return (input, init) => {
    const hold = currentHold();
    return hold ? hold.then(() => send(input, init)) : send(input, init);
  };
}

/** A model that makes no HTTP request (the built-in assistant), held the same way: it starts once released. */
export function heldModel(model: LanguageModelV3): LanguageModelV3 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v3',
      wrapGenerate: async ({ doGenerate }) => {
        await currentHold();
        return doGenerate();
      },
      wrapStream: async ({ doStream }) => {
        await currentHold();
        return doStream();
      },
    },
  });
}
