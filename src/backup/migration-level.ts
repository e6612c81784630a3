import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { migrationsFolder } from '../db/migrate.js';
import type { MigrationLevel } from './format.js';

interface JournalEntry {
  readonly idx: number;
  readonly when: number;
  readonly tag: string;
}

/** The committed migrations, oldest first (drizzle-kit's journal). */
export function committedMigrations(folder = migrationsFolder): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** Where a database's schema stands: drizzle's journal table, or nothing applied when it is missing. */
export async function databaseMigrationLevel(client: pg.ClientBase): Promise<MigrationLevel> {
  const { rows: present } = await client.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present[0]?.present) return { count: 0, lastCreatedAt: 0 };
  const { rows } = await client.query<{ count: string; last: string | null }>(
    'select count(*) as count, max(created_at) as last from drizzle.__drizzle_migrations',
  );
  return { count: Number(rows[0]?.count ?? 0), lastCreatedAt: Number(rows[0]?.last ?? 0) };
}

/** How many committed migrations a database at `level` has not applied yet. */
export function pendingMigrationCount(level: MigrationLevel, folder = migrationsFolder): number {
  return committedMigrations(folder).filter((entry) => entry.when > level.lastCreatedAt).length;
}

/** DBOS's schema version in `schema`, 0 when the durable engine never ran on this database. */
export async function dbosMigrationVersion(client: pg.ClientBase, schema: string): Promise<number> {
  const { rows: present } = await client.query<{ present: boolean }>(
    `select to_regclass($1) is not null as present`,
    [`"${schema}".dbos_migrations`],
  );
  if (!present[0]?.present) return 0;
  const { rows } = await client.query<{ version: string | null }>(
    `select max(version) as version from "${schema}".dbos_migrations`,
  );
  return Number(rows[0]?.version ?? 0);
}

/**
 * A copy of the committed migrations cut at `level` (the journal's first entries up to its last
 * `when`), so drizzle's migrator brings an empty database to exactly the schema a backup was taken
 * at. Throws when this version does not know that level: the backup came from a newer version.
 */
export function migrationsFolderAt(level: MigrationLevel): { folder: string; remove: () => void } {
  const entries = committedMigrations();
  const upTo = level.count === 0 ? 0 : entries.findIndex((entry) => entry.when === level.lastCreatedAt) + 1;
  if (level.count > 0 && upTo === 0) {
    throw new Error(
      `The backup's schema (migration ${level.count}, made at ${new Date(level.lastCreatedAt).toISOString()}) ` +
        'is not one this version of Switchboard knows: restore it with the version that made it, or a newer one.',
    );
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-migrations-'));
  fs.mkdirSync(path.join(folder, 'meta'));
  const kept = entries.slice(0, upTo);
  fs.writeFileSync(
    path.join(folder, 'meta/_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries: kept }),
  );
  for (const entry of kept) {
    fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
