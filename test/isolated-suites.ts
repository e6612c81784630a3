/**
 * The server's test files that need a process of their own: they check what a fresh process has
 * not loaded or counted yet (the tokenizer, the assistant's libraries, CPU from the process start),
 * which an earlier file in a shared worker would have. Every other server file shares its worker's
 * modules (`isolate: false` in vitest.config.ts).
 */
export const isolatedSuites = [
  'src/metrics.test.ts',
  'test/integration/warm-up.test.ts',
  'test/memory/offline-recall-tokens.test.ts',
];
