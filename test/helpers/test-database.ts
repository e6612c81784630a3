import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SettingKey } from '../../src/config.js';
import { createScratchPostgres } from './postgres.js';

export type DatabaseKind = 'embedded' | 'postgres';

/** The kinds this run covers: always the embedded database, and Postgres when it answers. */
export const databaseKinds: DatabaseKind[] =
  process.env.SWITCHBOARD_TEST_POSTGRES === 'yes' ? ['embedded', 'postgres'] : ['embedded'];

export const postgresAvailable = databaseKinds.includes('postgres');

export interface TestDatabase {
  /** Settings that point an app at this database. */
  readonly settings: Partial<Record<SettingKey, string>>;
  readonly dataDir: string;
  /** Deletes everything it made. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a new data directory holding a copy of the migrated
 * embedded template (or nothing, with `empty`), or a new, empty Postgres database.
 */
export async function createTestDatabase(kind: DatabaseKind, { empty = false } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'embedded') {
    const template = process.env.SWITCHBOARD_TEST_TEMPLATE;
    if (!empty && template)
      fs.cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
    return { settings: { dataDir }, dataDir, drop: removeDir };
  }
  const postgres = await createScratchPostgres();
  return {
    settings: { dataDir, databaseUrl: postgres.url },
    dataDir,
    drop: async () => {
      await postgres.drop();
      await removeDir();
    },
  };
}
