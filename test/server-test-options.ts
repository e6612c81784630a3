/**
 * What every server test run shares (npm test's server projects, test:durable, test:processes):
 * a database template per run, and time for real work.
 */
export const serverTest = {
  globalSetup: ['test/helpers/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // expect.poll waits for work in other connections and the engine: 1 s (its default) ran out
  // under CI's load, where a scheduled run took longer to appear.
  expect: { poll: { timeout: 10_000 } },
  pool: 'forks' as const,
};
