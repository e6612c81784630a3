let tokenizer: Promise<(text: string) => number> | undefined;

/**
 * Counts tokens with a real BPE tokenizer (o200k): the chat's context fitting and memory recall's
 * budget. Loaded on first use, as it takes ~200 ms to import and holds ~20 MB.
 */
export function loadTokenCounter(): Promise<(text: string) => number> {
  tokenizer ??= import('gpt-tokenizer').then(
    (module) => module.countTokens,
    (error: unknown) => {
      tokenizer = undefined; // the next caller tries again
      throw error;
    },
  );
  return tokenizer;
}

/** Whether the tokenizer has been asked for in this process (the built-in assistant never asks). */
export function tokenCounterLoaded(): boolean {
  return tokenizer !== undefined;
}
