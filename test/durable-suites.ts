/**
 * The long suites of durable multi-step work on the engine (agents and their teams, mailboxes and
 * A2A, pipelines over many documents, event deliveries with retries, the backup before an upgrade):
 * `npm run test:durable`, their own CI step, so `npm test` stays within its time on 2 cores.
 */
export const durableSuites = [
  'test/agents/**/*.test.ts',
  'test/workflows/pipelines.test.ts',
  'test/workflows/pipelines-templates.test.ts',
  'test/events/subscriptions.test.ts',
  'test/events/undispatched.test.ts',
  'test/backup/upgrade.test.ts',
];
