import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type SettingKey } from '../../src/config.js';
import { openDatabase } from '../../src/db/open-database.js';
import { createLogger } from '../../src/logger.js';
import { isPostgresOn, readPostmaster, stopPostmaster } from '../../src/db/embedded/postmaster.js';
import { createScratchPostgres } from './postgres.js';

/**
 * 'postgres': a fresh database on the test Postgres. 'embedded': a fresh DATA_DIR in which
 * Switchboard starts its own PostgreSQL server (initdb on first open, about a second): only the
 * tests of the embedded server itself ask for it. `buildTestApp` takes a kind for the many files
 * written when the embedded database was another engine; every app test now runs on the test
 * Postgres, whatever it names.
 */
export type DatabaseKind = 'embedded' | 'postgres';

/** The kinds app tests run on: one, since the embedded server is PostgreSQL too. */
export const databaseKinds: DatabaseKind[] = ['postgres'];

/**
 * The two set-ups a user runs Switchboard on: a team's Postgres (DATABASE_URL), and the embedded
 * server Switchboard starts in DATA_DIR. Only the tests whose outcome depends on the database server
 * across a restart (kill -9, a durable sleep, an approval answered after a restart) run on both, with
 * `describe.each(serverSetUps)`: each start on the embedded one costs a server start (and initdb).
 */
export const serverSetUps: readonly { name: string; kind: DatabaseKind }[] = [
  { name: 'on DATABASE_URL', kind: 'postgres' },
  { name: 'on the embedded server', kind: 'embedded' },
];

/** Always true: the tests require Postgres (global-setup stops the run without it). */
export const postgresAvailable = true;

export interface TestDatabase {
  /** Settings that point an app at this database. */
  readonly settings: Partial<Record<SettingKey, string>>;
  /** The same, as environment variables for a child process (`switchboard serve`, `switchboard mcp`). */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  /** Deletes everything it made. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file. On Postgres: a copy of the migrated template made by
 * global-setup (or, with `empty`, a blank one, for tests of migrating). Embedded: an empty data
 * directory; the server in it is stopped with the app that started it, or by `drop` when a killed
 * process left it running.
 */
export async function createTestDatabase(kind: DatabaseKind, { empty = false } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'embedded') {
    // Run as root, the server runs as "postgres", which must be able to pass through (not list) it.
    fs.chmodSync(dataDir, 0o711);
    const drop = async () => {
      await stopLeftoverServer(path.join(dataDir, 'postgres'));
      await removeDir();
    };
    return { settings: { dataDir }, env: { DATA_DIR: dataDir }, dataDir, drop };
  }
  const postgres = await createScratchPostgres({ template: empty ? undefined : testTemplateDatabase() });
  return {
    settings: { dataDir, databaseUrl: postgres.url },
    env: { DATA_DIR: dataDir, DATABASE_URL: postgres.url },
    dataDir,
    drop: async () => {
      await postgres.drop();
      await removeDir();
    },
  };
}

function testTemplateDatabase(): string {
  const name = process.env.SWITCHBOARD_TEST_TEMPLATE_DB;
  if (!name) throw new Error('No template database: run the tests through vitest (global-setup makes it)');
  return name;
}

/** A server a killed process left running on `pgDir` (its pid heads postmaster.pid), stopped. */
async function stopLeftoverServer(pgDir: string) {
  const left = readPostmaster(pgDir);
  if (left && isPostgresOn(left.pid, pgDir)) await stopPostmaster(left.pid, pgDir);
}

/**
 * Reads `database` while no app has it open, as an operator would between two starts: on the
 * embedded set-up this starts its server for the look (taking the data directory's lock) and stops it.
 */
export async function whileClosed<T>(database: TestDatabase, read: (url: string) => Promise<T>): Promise<T> {
  const parsed = parseConfig({ ...database.settings });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const handle = await openDatabase({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'test',
  });
  try {
    return await read(handle.url);
  } finally {
    await handle.close();
  }
}
