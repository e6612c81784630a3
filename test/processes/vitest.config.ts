import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { serverTest } from '../server-test-options.js';
import { processSuites } from './suites.js';

/** `npm run test:processes`: the multi-process suites (see suites.ts), on the built dist/. */
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: processSuites,
    ...serverTest,
    reporters: ['default'],
  },
});
