import { defineConfig } from 'vitest/config';

/** The browser tests: the built server (npm run build) and Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page may take a few seconds to show a change on a busy machine; a step waits up to 15 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
