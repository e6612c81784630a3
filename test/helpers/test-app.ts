import { type App, createApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { type Config, parseConfig, type SettingKey } from '../../src/config.js';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database.js';

export interface TestApp {
  readonly app: App;
  readonly database: TestDatabase;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/**
 * Builds the whole app on a fresh database of the test Postgres (not listening: use
 * `app.http.inject`, or `app.listen()`). The kind is not used: see `DatabaseKind`.
 */
export async function buildTestApp(
  _kind: DatabaseKind,
  options: {
    settings?: Partial<Record<SettingKey, string>>;
    clock?: Clock;
    /** Where the app's log lines go (with `settings.logLevel`); by default stdout. */
    logStream?: DestinationStream;
    /** Runs the durable engine (DBOS): one app per process at a time, so tests opt in. */
    engine?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase('postgres');
  const config = testConfig({ ...database.settings, ...options.settings });
  const app = await createApp({
    config,
    logger: createLogger({ level: config.logLevel, destination: options.logStream }),
    ...(options.clock ? { clock: options.clock } : {}),
    engine: options.engine ?? false,
  });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A valid config for tests: a free port on loopback, quiet logs unless TEST_LOG_LEVEL says otherwise. */
export function testConfig(settings: Partial<Record<SettingKey, string>>): Config {
  const result = parseConfig({
    port: '0',
    host: '127.0.0.1',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...settings,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}
