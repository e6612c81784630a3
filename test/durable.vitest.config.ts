import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { durableSuites } from './durable-suites.js';

/** `npm run test:durable`: the long suites of durable work on the engine (see durable-suites.ts). */
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: durableSuites,
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // As in vitest.config.ts: expect.poll's 1 s default runs out under CI's load.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    reporters: ['default'],
  },
});
