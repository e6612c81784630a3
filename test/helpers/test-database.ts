import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SettingKey } from '../../src/config.js';
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
 * directory; the server in it is stopped with the app that started it.
 */
export async function createTestDatabase(kind: DatabaseKind, { empty = false } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'embedded') {
    // Run as root, the server runs as "postgres", which must be able to pass through (not list) it.
    fs.chmodSync(dataDir, 0o711);
    return { settings: { dataDir }, env: { DATA_DIR: dataDir }, dataDir, drop: removeDir };
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
