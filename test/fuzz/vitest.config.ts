import { defineConfig } from 'vitest/config';

/**
 * The property-based fuzz of every REST route and of /mcp (npm run test:fuzz): a run by deadline
 * (FUZZ_SECONDS for each half), its own CI step so that `npm test` keeps its time for the rest.
 * The cases it found are kept as ordinary tests beside it (found-by-fuzzing.test.ts, in npm test).
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.fuzz.ts'],
    globalSetup: ['../helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
