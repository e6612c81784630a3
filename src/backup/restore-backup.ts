import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres } from '../db/migrate.js';
import { dbosSchema } from '../engine/engine-metrics.js';
import { type CatalogTable, countRows, listTables, qualified, quote } from './catalog.js';
import { dataFilePath, listDataFiles } from './data-dir-files.js';
import { RestoreRefusedError } from './errors.js';
import type { HeaderRecord, ManifestRecord, TableRecord } from './format.js';
import { databaseMigrationLevel, migrationsFolderAt } from './migration-level.js';
import { readRecords, verifyBackup } from './read-backup.js';

/** Rows staged per round trip, and the bytes at which a batch is sent early (large files in bytea). */
const rowsPerBatch = 500;
const bytesPerBatch = 8 * 1024 * 1024;

export interface RestoreResult {
  readonly header: HeaderRecord;
  readonly manifest: ManifestRecord;
}

/**
 * Restores `file` into the database at `url` and the user files of `dataDir`. The file is checked
 * whole first; a target holding rows or user files is refused unless `force`; the target's schema is
 * brought to the backup's migration level (ours and DBOS's), every table is emptied and loaded in
 * ONE transaction (row counts checked before commit), then the files are put in place, then the
 * schema is migrated to this version. Any failure before the commit leaves the database as it was.
 */
export async function restoreBackup({
  url,
  dataDir,
  file,
  force,
  migrateToCurrent = true,
}: {
  url: string;
  dataDir: string;
  file: string;
  force: boolean;
  /** False leaves the schema at the backup's level (what the version that made it would have). */
  migrateToCurrent?: boolean;
}): Promise<RestoreResult> {
  const { header, manifest } = await verifyBackup(file);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // pool.end() resolves before its idle connections have closed: stopping the embedded server right
  // after cuts them, and that 'error' with no listener ended the process before it said why it
  // refused. Our queries' own failures reach us through their promises.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await refuseUnsafeTarget({ client, dataDir, header, force });
    } finally {
      client.release();
    }
    const cut = migrationsFolderAt(header.migrations);
    try {
      await migratePostgres(pool, { folder: cut.folder });
    } finally {
      cut.remove();
    }
    if (header.dbos_migration_version > 0) await migrateDbosTo(pool, header.dbos_migration_version);
    const staged = path.join(dataDir, `.restore-${process.pid}`);
    fs.rmSync(staged, { recursive: true, force: true });
    try {
      await loadDatabase({ pool, file, staged });
      placeFiles({ staged, dataDir, manifest });
    } finally {
      fs.rmSync(staged, { recursive: true, force: true });
    }
    if (migrateToCurrent) await migratePostgres(pool);
    return { header, manifest };
  } finally {
    await pool.end();
  }
}

async function refuseUnsafeTarget({
  client,
  dataDir,
  header,
  force,
}: {
  client: pg.ClientBase;
  dataDir: string;
  header: HeaderRecord;
  force: boolean;
}) {
  const level = await databaseMigrationLevel(client);
  if (level.count > header.migrations.count) {
    throw new RestoreRefusedError(
      `The target database is at migration ${level.count}, newer than the backup's ${header.migrations.count}: ` +
        'migrations only go forward, so restore into an empty database (a fresh DATA_DIR, or a new database for DATABASE_URL).',
    );
  }
  if (force) return;
  const rows = await countRows(client, await listTables(client));
  if (rows > 0) {
    throw new RestoreRefusedError(
      `The target database already holds ${rows} rows: restore into an empty one, or pass --force to replace everything in it.`,
    );
  }
  const files = listDataFiles(dataDir);
  if (files.length > 0) {
    throw new RestoreRefusedError(
      `The data directory ${dataDir} already holds ${files.length} user files: pass --force to replace them.`,
    );
  }
}

/** Brings DBOS's schema to the backup's version with DBOS's own migrations, so its tables match the rows. */
async function migrateDbosTo(pool: pg.Pool, version: number) {
  const { runSysMigrationsPg } =
    await import('@dbos-inc/dbos-sdk/internal/sysdb_migrations/migration_runner');
  const { allMigrations } = await import('@dbos-inc/dbos-sdk/internal/sysdb_migrations/internal/migrations');
  const client = await pool.connect();
  try {
    await runSysMigrationsPg(client, allMigrations(dbosSchema).slice(0, version), dbosSchema);
  } finally {
    client.release();
  }
}

/** Empties every table and loads the backup's rows and sequences, all in one transaction; files go to `staged`. */
async function loadDatabase({
  pool,
  file,
  staged,
}: {
  pool: pg.Pool;
  file: string;
  staged: string;
}): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('begin');
    await switchForeignKeysOff(client);
    const targetTables = await listTables(client);
    const byName = new Map(targetTables.map((table) => [`${table.schema}.${table.table}`, table]));
    if (targetTables.length > 0) {
      await client.query(
        `truncate ${targetTables.map((table) => qualified(table.schema, table.table)).join(', ')} cascade`,
      );
    }
    await client.query('create temporary table restore_rows (row text not null) on commit drop');
    let table: { record: TableRecord; target: CatalogTable } | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    let output: number | undefined;
    const flushBatch = async () => {
      if (batch.length === 0) return;
      await client.query('insert into restore_rows (row) select unnest($1::text[])', [batch]);
      batch = [];
      batchBytes = 0;
    };
    const finishTable = async () => {
      if (!table) return;
      await flushBatch();
      await copyStagedRows(client, table.record, table.target);
      table = undefined;
    };
    for await (const record of readRecords(file)) {
      if (record.type === 'table') {
        await finishTable();
        const target = byName.get(`${record.schema}.${record.table}`);
        if (!target) {
          throw new Error(
            `The target has no table ${record.schema}.${record.table}, which the backup holds.`,
          );
        }
        table = { record, target };
      } else if (record.type === 'row') {
        const text = JSON.stringify(record.row);
        batch.push(text);
        batchBytes += text.length;
        if (batch.length >= rowsPerBatch || batchBytes >= bytesPerBatch) await flushBatch();
      } else if (record.type === 'sequence') {
        await finishTable();
        await client.query(`select setval($1::regclass, $2::bigint, $3)`, [
          qualified(record.schema, record.sequence),
          record.last_value,
          record.is_called,
        ]);
      } else if (record.type === 'file') {
        await finishTable();
        if (output !== undefined) fs.closeSync(output);
        dataFilePath(staged, record.path); // refuses a path that would leave the directory
        const target = path.join(staged, record.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        output = fs.openSync(target, 'w', 0o600);
      } else if (record.type === 'chunk' && output !== undefined) {
        fs.writeSync(output, Buffer.from(record.data, 'base64'));
      }
    }
    await finishTable();
    if (output !== undefined) fs.closeSync(output);
    await client.query('commit');
  } catch (error) {
    failure = error as Error;
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release(failure);
  }
}

/**
 * Foreign keys off for this transaction where the role may (a superuser: the embedded server, most
 * installs); otherwise the tables' order (parents first) and one INSERT per table keep them satisfied.
 */
async function switchForeignKeysOff(client: pg.ClientBase) {
  await client.query('savepoint replica_role');
  try {
    await client.query('set local session_replication_role = replica');
    await client.query('release savepoint replica_role');
  } catch {
    await client.query('rollback to savepoint replica_role');
  }
}

/** One INSERT from the staged JSON into the table (self-references are checked at its end), then counts agree. */
async function copyStagedRows(client: pg.ClientBase, record: TableRecord, target: CatalogTable) {
  const present = new Set(target.columns);
  const missing = record.columns.filter((column) => !present.has(column));
  if (missing.length > 0 && record.schema !== dbosSchema) {
    throw new Error(`The target's ${record.schema}.${record.table} has no column ${missing.join(', ')}.`);
  }
  const columns = record.columns.filter((column) => present.has(column)).map(quote);
  const name = qualified(record.schema, record.table);
  const inserted = await client.query(
    `insert into ${name} (${columns.join(', ')}) overriding system value
     select ${columns.map((column) => `p.${column}`).join(', ')}
       from restore_rows s cross join lateral json_populate_record(null::${name}, s.row::json) p`,
  );
  const { rows } = await client.query<{ count: string }>('select count(*) as count from restore_rows');
  if (inserted.rowCount !== Number(rows[0]?.count)) {
    throw new Error(`${name}: ${rows[0]?.count} rows in the backup, ${inserted.rowCount} stored.`);
  }
  await client.query('truncate restore_rows');
}

/** Moves the staged files into DATA_DIR, each checked against the manifest's size. */
function placeFiles({
  staged,
  dataDir,
  manifest,
}: {
  staged: string;
  dataDir: string;
  manifest: ManifestRecord;
}) {
  for (const entry of manifest.files) {
    const destination = dataFilePath(dataDir, entry.path);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.renameSync(path.join(staged, entry.path), destination);
  }
}
