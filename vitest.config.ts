import path from 'node:path';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import { durableSuites } from './test/durable-suites.js';
import { isolatedSuites } from './test/isolated-suites.js';
import { processSuites } from './test/processes/suites.js';
import { serverTest } from './test/server-test-options.js';

export default defineConfig({
  test: {
    reporters: ['default'],
    // Vitest runs one file at a time on two cores (cores - 1). The server's files mostly wait on
    // Postgres, the engine's polls and their servers, so two at once use the machine better.
    // (Set here for all projects: projects with different limits must be given a run order.)
    maxWorkers: 2,
    // Line coverage of src/ (the server), printed as a summary: COVERAGE=1 npm test. Off by default;
    // the overhead it adds is measured in docs/operations.md ("Coverage").
    coverage: {
      enabled: process.env.COVERAGE === '1',
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      reporter: ['text-summary'],
      // The summary is printed when a test fails too: CI shows it either way.
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          ...serverTest,
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // The multi-process suites and the long durable ones are their own steps:
          // npm run test:processes, npm run test:durable.
          exclude: [...configDefaults.exclude, ...processSuites, ...durableSuites, ...isolatedSuites],
          // Each worker loads the app's modules once for all the files it runs, rather than once a
          // file: importing src/ through Vite's module runner was most of each file's time (import
          // 375 s of 595 s summed in CI). A file must leave the process as it found it: close its
          // apps (the engine is one per process), disable a tracer provider it registered.
          isolate: false,
        },
      },
      {
        // The few that check what a fresh process has not loaded yet (test/isolated-suites.ts).
        test: { ...serverTest, name: 'server-isolated', include: isolatedSuites },
      },
      {
        // The web app's components, rendered in happy-dom (browser flows are in test/e2e, npm run test:e2e).
        plugins: [react()],
        resolve: { alias: { '@server': path.resolve(import.meta.dirname, 'src') } },
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['web/src/test-setup.ts'],
        },
      },
    ],
  },
});
