import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { dbosSchema } from '../engine/engine-metrics.js';
import { version } from '../version.js';
import { listSequences, listTables, qualified } from './catalog.js';
import { listDataFiles } from './data-dir-files.js';
import {
  backupFormat,
  backupFormatVersion,
  type BackupRecord,
  fileChunkBytes,
  type ManifestRecord,
} from './format.js';
import { databaseMigrationLevel, dbosMigrationVersion } from './migration-level.js';

/** Rows fetched from the cursor at a time: bounded memory whatever the table's size. */
const rowsPerFetch = 500;

/**
 * Writes a backup of the database `client` is connected to and of the user files in `dataDir` to
 * `outFile`: everything is read in ONE read-only REPEATABLE READ transaction, so the tables agree
 * with each other as of one instant while the server keeps serving. Written to `<outFile>.partial`
 * and renamed when complete, so a file named `outFile` is always whole. Returns the manifest.
 */
export async function writeBackup({
  client,
  dataDir,
  outFile,
  databaseKind,
}: {
  client: pg.ClientBase;
  dataDir: string;
  outFile: string;
  databaseKind: 'embedded' | 'postgres';
}): Promise<ManifestRecord> {
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const partial = `${outFile}.partial`;
  let manifest: ManifestRecord | undefined;
  await client.query('begin isolation level repeatable read read only');
  try {
    await pipeline(
      async function* () {
        manifest = yield* records(client, dataDir, databaseKind);
      },
      async function* (source: AsyncIterable<BackupRecord>) {
        for await (const record of source) yield `${JSON.stringify(record)}\n`;
      },
      createGzip(),
      fs.createWriteStream(partial, { mode: 0o600 }),
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
  if (!manifest) throw new Error('The backup ended without its manifest.');
  fs.renameSync(partial, outFile);
  return manifest;
}

async function* records(
  client: pg.ClientBase,
  dataDir: string,
  databaseKind: 'embedded' | 'postgres',
): AsyncGenerator<BackupRecord, ManifestRecord> {
  yield {
    type: 'header',
    format: backupFormat,
    format_version: backupFormatVersion,
    app_version: version,
    created_at: new Date().toISOString(),
    database_kind: databaseKind,
    migrations: await databaseMigrationLevel(client),
    dbos_migration_version: await dbosMigrationVersion(client, dbosSchema),
  };
  const tables: ManifestRecord['tables'] = [];
  for (const table of await listTables(client)) {
    yield { type: 'table', schema: table.schema, table: table.table, columns: table.columns };
    const columns = table.columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(', ');
    await client.query(
      `declare backup_rows no scroll cursor for
         select row_to_json(r)::text as row from (select ${columns} from ${qualified(table.schema, table.table)}) r`,
    );
    let rows = 0;
    for (;;) {
      const batch = await client.query<{ row: string }>(`fetch ${rowsPerFetch} from backup_rows`);
      for (const { row } of batch.rows)
        yield { type: 'row', row: JSON.parse(row) as Record<string, unknown> };
      rows += batch.rows.length;
      if (batch.rows.length < rowsPerFetch) break;
    }
    await client.query('close backup_rows');
    tables.push({ schema: table.schema, table: table.table, rows });
  }
  const sequences = await listSequences(client);
  for (const { schema, sequence } of sequences) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from ${qualified(schema, sequence)}`,
    );
    for (const { last_value, is_called } of rows)
      yield { type: 'sequence', schema, sequence, last_value, is_called };
  }
  const files: ManifestRecord['files'] = [];
  for (const relative of listDataFiles(dataDir)) {
    const full = path.join(dataDir, relative);
    const hash = createHash('sha256');
    let size = 0;
    yield { type: 'file', path: relative, size: fs.statSync(full).size };
    for await (const chunk of fs.createReadStream(full, { highWaterMark: fileChunkBytes })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      yield { type: 'chunk', data: bytes.toString('base64') };
    }
    files.push({ path: relative, size, sha256: hash.digest('hex') });
  }
  const manifest: ManifestRecord = { type: 'manifest', tables, sequences: sequences.length, files };
  yield manifest;
  return manifest;
}
