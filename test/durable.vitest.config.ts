import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { durableSuites } from './durable-suites.js';
import { serverTest } from './server-test-options.js';

/** `npm run test:durable`: the long suites of durable work on the engine (see durable-suites.ts). */
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: durableSuites,
    ...serverTest,
    reporters: ['default'],
  },
});
