import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/migrate.js';
import { openEmbeddedDatabase } from '../../src/db/open-embedded.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * A PGlite directory as the previous version left it: opened the way its open-embedded.ts did
 * (PGlite + drizzle's PGlite migrator), one migration behind today's, with rows in several tables.
 */
async function makeOldPgliteDirectory(dir: string) {
  const olderMigrations = fs.mkdtempSync(path.join(path.dirname(dir), 'old-migrations-'));
  fs.cpSync(migrationsFolder, olderMigrations, { recursive: true });
  const journalPath = path.join(olderMigrations, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries.pop();
  fs.writeFileSync(journalPath, JSON.stringify(journal));

  const client = await PGlite.create(dir);
  await migrate(drizzle(client), { migrationsFolder: olderMigrations });
  await client.exec(`
    insert into users (id, name, email, role, created_at, updated_at) values
      ('u1', 'Ada', 'ada@example.com', 'admin', '2025-01-02 03:04:05.123456+00', '2025-01-02 03:04:05.123456+00'),
      ('u2', 'Zoë «quoted» O''Neil', 'zoe@example.com', 'user', now(), now());
    insert into tasks (id, owner_id, title, description, status, priority, due_date, tags, created_at, updated_at) values
      ('t1', 'u1', 'Write the importer', 'every row, every table', 'open', 'high', '2026-12-31 23:59:59.999999+00',
        '{carry,"over with space"}', now(), now()),
      ('t2', 'u2', 'Straße fegen', null, 'done', 'low', null, '{}', now(), now());
    insert into resources (id, owner_id, kind, name, mime_type, visibility, tags, metadata, text, content, size_bytes,
        version, created_at, updated_at) values
      ('r1', 'u1', 'file', 'notes.bin', 'application/octet-stream', 'private', '{a}',
        '{"list": [1, 2.5, "x"], "nested": {"ok": true}}', 'searchable words', '\\x00ff10'::bytea, 3, 1, now(), now());
    insert into conversations (id, owner_id, title, pinned, archived, tags, message_count, created_at, updated_at) values
      ('c1', 'u2', 'Hello', false, false, '{}', 2, now(), now());
    insert into messages (id, conversation_id, owner_id, parent_id, role, parts, text, status, created_at, updated_at) values
      ('m2', 'c1', 'u2', 'm1', 'assistant', '[{"type":"text","text":"hi"}]', 'hi', 'done', now(), now()),
      ('m1', 'c1', 'u2', null, 'user', '[{"type":"text","text":"hello"}]', 'hello', 'done', now(), now());
    insert into events (id, type, actor_id, actor_via, data, at)
      select 'e' || n, 'test.ping', 'u1', 'rest', jsonb_build_object('n', n), now() from generate_series(1, 1200) n;
  `);
  await client.close();
  fs.rmSync(olderMigrations, { recursive: true, force: true });
}

/** Every row of every table, each in its text form, for comparing databases exactly. */
async function snapshot(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  await query(`set timezone to 'UTC'`); // timestamps print in the session's zone
  const { rows: tables } = await query(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const result: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const { rows } = await query(`select t::text as row from "${String(tablename)}" t order by 1`);
    result[String(tablename)] = rows.map((row) => String(row.row));
  }
  return result;
}

describe('carrying over a PGlite data directory', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let oldDir: string;
  let before: Record<string, string[]>;
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    oldDir = path.join(database.dataDir, 'pglite');
    await makeOldPgliteDirectory(oldDir);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes nothing and leaves the old directory alone when a table cannot be copied', async () => {
    const old = await PGlite.create(oldDir);
    await old.exec('create table stray (n int); insert into stray values (1)');
    await old.close();

    const opening = openEmbeddedDatabase({
      dataDir: database.dataDir,
      command: 'test',
      logger: createLogger({ level: 'silent' }),
    });
    await expect(opening).rejects.toThrow(
      /Could not carry over the old embedded database in .*pglite: .*stray/,
    );
    await expect(opening).rejects.toThrow(
      /Nothing was written to the new database and the old directory is untouched/,
    );
    expect(fs.existsSync(path.join(oldDir, 'PG_VERSION'))).toBe(true);

    const cleaned = await PGlite.create(oldDir);
    await cleaned.exec('drop table stray');
    await cleaned.close();
  });

  it('copies every row of every table, checks the counts, and keeps the old directory renamed', async () => {
    const lines: string[] = [];
    const opened = await openEmbeddedDatabase({
      dataDir: database.dataDir,
      command: 'test',
      logger: createLogger({
        level: 'info',
        destination: { write: (line: string) => void lines.push(line) },
      }),
    });
    let after: Record<string, string[]>;
    const client = new pg.Client({ connectionString: opened.url });
    await client.connect();
    try {
      after = await snapshot((sql) => client.query(sql));
    } finally {
      await client.end();
      await opened.close();
    }

    const kept = fs.readdirSync(database.dataDir).find((name) => name.startsWith('pglite.carried-over-'));
    expect(kept).toMatch(/^pglite\.carried-over-\d{4}-\d{2}-\d{2}$/);
    expect(fs.existsSync(oldDir)).toBe(false);
    const carried = lines
      .map((line) => JSON.parse(line) as { msg: string; rows?: number })
      .find((line) => line.msg.startsWith('carried over the old embedded (PGlite) database'));
    expect(carried?.rows).toBe(2 + 2 + 1 + 1 + 2 + 1200);
    expect(carried?.msg).toContain(path.join(database.dataDir, kept ?? ''));

    // The kept directory, brought to today's migrations, holds exactly what the new server does.
    const old = await PGlite.create(path.join(database.dataDir, kept ?? ''));
    try {
      before = await snapshot((sql) => old.query(sql));
    } finally {
      await old.close();
    }
    expect(after.tasks).toHaveLength(2);
    expect(after.users).toHaveLength(2);
    expect(after.resources).toHaveLength(1);
    expect(after.events).toHaveLength(1200);
    expect(after).toEqual(before);
  });
});
