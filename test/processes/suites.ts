/**
 * The suites that start real processes (the built CLI, stdio, kill -9, two instances, the embedded
 * Postgres server): `npm run test:processes`, their own CI step. Each spends seconds loading the
 * built app in a child, so together they took half of `npm test`'s time on 2 cores.
 */
export const processSuites = [
  'test/integration/cli.test.ts',
  'test/integration/kill-9.test.ts',
  'test/integration/pglite-carry-over.test.ts',
  'test/integration/cross-process-events.test.ts',
  'test/mcp/stdio.test.ts',
  'test/engine/**/*.test.ts',
  'test/chat/multi-instance.test.ts',
  'test/workflows/run-processes.test.ts',
  'test/workflows/schedule-processes.test.ts',
  'test/workflows/wait-event-processes.test.ts',
  'test/processes/agent-run-kill-9.test.ts',
  'test/processes/otlp-traces.test.ts',
  'test/processes/https-two-instances.test.ts',
  'test/processes/pipeline-kill-9.test.ts',
  'test/backup/backup-restore.test.ts',
];
