import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import {
  committedMigrations,
  databaseMigrationLevel,
  migrationsFolderAt,
} from '../../src/backup/migration-level.js';
import { verifyBackup } from '../../src/backup/read-backup.js';
import { restoreBackup } from '../../src/backup/restore-backup.js';
import { migratePostgres } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createScratchPostgres } from '../helpers/postgres.js';
import { testConfig } from '../helpers/test-app.js';

const migrations = committedMigrations();
/** The schema the previous release had: every committed migration but the last. */
const previousLevel = { count: migrations.length - 1, lastCreatedAt: migrations.at(-2)?.when ?? 0 };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty database and data directory, brought to the previous release's schema with some of its data. */
async function previousReleaseInstance() {
  const database = await createScratchPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-upgrade-'));
  cleanups.push(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const cut = migrationsFolderAt(previousLevel);
  try {
    await migratePostgres(pool, { folder: cut.folder });
    await pool.query(
      `insert into events (id, type, actor_id, actor_via, data, at) values
        ('e1', 'task.created', 'u1', 'http', '{"title": "Zürich ☕", "n": 0.1, "nested": {"b": [1, 2]}}', '2026-01-02T03:04:05.123456Z'),
        ('e2', 'task.completed', null, 'mcp', '{}', now())`,
    );
  } finally {
    cut.remove();
    await pool.end();
  }
  return { url: database.url, dataDir };
}

async function startApp(settings: { databaseUrl: string; dataDir: string; backupBeforeMigrate?: string }) {
  const app = await createApp({ config: testConfig(settings), logger: createLogger({ level: 'silent' }) });
  await app.close();
}

async function events(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select id, type, actor_id, actor_via, data, at from events order by id',
    );
    return { rows, level: await databaseMigrationLevel(client) };
  } finally {
    await client.end();
  }
}

/**
 * The upgrade path: data written under the previous release's schema, the new version started on
 * it, the backup it took before migrating present, and a rollback restoring that backup as the
 * previous release would (at its schema) with every row as it was.
 */
describe('upgrading', { timeout: 120_000 }, () => {
  it('backs up before migrating an existing database, and that backup rolls back to the previous schema', async () => {
    const previous = await previousReleaseInstance();
    const before = await events(previous.url);
    expect(before.level.count).toBe(previousLevel.count);

    await startApp({ databaseUrl: previous.url, dataDir: previous.dataDir });
    const backups = fs.readdirSync(path.join(previous.dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-.*\.jsonl\.gz$/);
    const file = path.join(previous.dataDir, 'backups', backups[0] ?? '');
    const { header, manifest } = await verifyBackup(file);
    expect(header.migrations).toEqual(previousLevel);
    expect(manifest.tables.find((table) => table.table === 'events')?.rows).toBe(2);
    expect((await events(previous.url)).level.count).toBe(migrations.length);

    // Started again: nothing to migrate, no second backup.
    await startApp({ databaseUrl: previous.url, dataDir: previous.dataDir });
    expect(fs.readdirSync(path.join(previous.dataDir, 'backups'))).toHaveLength(1);

    // Rolling back: the previous release restores its backup into an empty database.
    const rollback = await createScratchPostgres();
    const rollbackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-rollback-'));
    cleanups.push(async () => {
      await rollback.drop();
      fs.rmSync(rollbackDir, { recursive: true, force: true });
    });
    await restoreBackup({
      url: rollback.url,
      dataDir: rollbackDir,
      file,
      force: false,
      migrateToCurrent: false,
    });
    expect(await events(rollback.url)).toEqual(before);
  });

  it('takes no backup when BACKUP_BEFORE_MIGRATE is false, nor on a first start', async () => {
    const previous = await previousReleaseInstance();
    await startApp({ databaseUrl: previous.url, dataDir: previous.dataDir, backupBeforeMigrate: 'false' });
    expect(fs.existsSync(path.join(previous.dataDir, 'backups'))).toBe(false);
    expect((await events(previous.url)).level.count).toBe(migrations.length);

    const fresh = await createScratchPostgres();
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-first-'));
    cleanups.push(async () => {
      await fresh.drop();
      fs.rmSync(freshDir, { recursive: true, force: true });
    });
    await startApp({ databaseUrl: fresh.url, dataDir: freshDir });
    expect(fs.existsSync(path.join(freshDir, 'backups'))).toBe(false);
  });
});
