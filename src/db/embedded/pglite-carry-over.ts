import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { DatabaseHandle } from '../database.js';
import { migrationsFolder } from '../migrate.js';

/** The directory the previous versions kept their embedded (PGlite) database in. */
export const pgliteDirName = 'pglite';

/** Rows sent per INSERT: well under PostgreSQL's 65,535 parameters, and a bounded batch in memory. */
const rowsPerBatch = 500;
const parametersPerBatch = 30_000;

/** The subset of PGlite's API this importer uses (the package is loaded only when a directory is found). */
interface OldDatabase {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object' },
  ): Promise<{ rows: T[] }>;
  transaction<T>(work: (tx: OldDatabase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Table {
  readonly name: string;
  readonly columns: { name: string; type: string }[];
}

/**
 * Carries a previous version's PGlite database (`<dataDir>/pglite`) into the embedded server, once:
 * when that directory exists and the server's tables are all empty. The old database is brought to
 * the current migrations, every table of ours is copied row by row in ONE transaction on the new
 * server (foreign keys checked by the schema, not row by row: session_replication_role = replica),
 * sequences follow, and each table's row count is compared before committing. Then the old
 * directory is renamed `pglite.carried-over-<date>` and kept. On any failure nothing is written and
 * the old directory is left as it was; the next start tries again.
 */
export async function carryOverPgliteIfPresent({
  dataDir,
  database,
  logger,
}: {
  dataDir: string;
  database: DatabaseHandle;
  logger: Logger;
}): Promise<void> {
  const oldDir = path.join(dataDir, pgliteDirName);
  if (!fs.existsSync(path.join(oldDir, 'PG_VERSION'))) return;
  await database.migrate();
  const target = new pg.Client({ connectionString: database.url });
  await target.connect();
  try {
    if (!(await allTablesEmpty(target))) {
      logger.warn(
        { oldDir },
        `found an old embedded (PGlite) database in ${oldDir}, but the embedded PostgreSQL already holds data: left both as they are`,
      );
      return;
    }
    const began = Date.now();
    const copied = await copyFromPglite(oldDir, target).catch((error: unknown) => {
      throw new Error(
        `Could not carry over the old embedded database in ${oldDir}: ${(error as Error).message}. ` +
          'Nothing was written to the new database and the old directory is untouched.',
        { cause: error },
      );
    });
    const keptAt = keptName(dataDir);
    fs.renameSync(oldDir, keptAt);
    logger.info(
      { tables: copied.tables, rows: copied.rows, oldDir: keptAt, ms: Date.now() - began },
      `carried over the old embedded (PGlite) database: ${copied.tables} tables, ${copied.rows} rows, all counts checked; ` +
        `the old directory is kept at ${keptAt} until you delete it`,
    );
  } finally {
    await target.end();
  }
}

async function copyFromPglite(oldDir: string, target: pg.Client): Promise<{ tables: number; rows: number }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const pglite = await PGlite.create(oldDir);
  const old = pglite as unknown as OldDatabase;
  try {
    await migrate(drizzle(pglite), { migrationsFolder });
    const tables = await tablesOf(old);
    let rows = 0;
    await target.query('begin');
    try {
      await target.query('set local session_replication_role = replica');
      for (const table of tables) {
        const copied = await copyTable(old, target, table);
        const { rows: counted } = await target.query<{ count: string }>(
          `select count(*) from ${quote(table.name)}`,
        );
        if (Number(counted[0]?.count) !== copied) {
          throw new Error(`table ${table.name}: ${copied} rows read, ${counted[0]?.count} stored`);
        }
        rows += copied;
      }
      await copySequences(old, target);
      await target.query('commit');
    } catch (error) {
      await target.query('rollback');
      throw error;
    }
    return { tables: tables.length, rows };
  } finally {
    await pglite.close();
  }
}

/** Our tables (schema public), each with its stored columns (generated ones are computed again). */
async function tablesOf(old: OldDatabase): Promise<Table[]> {
  const { rows } = await old.query<{ table_name: string; column_name: string; column_type: string }>(
    `select c.relname as table_name, a.attname as column_name,
            format_type(a.atttypid, a.atttypmod) as column_type
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const tables = new Map<string, Table>();
  for (const row of rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [] };
    table.columns.push({ name: row.column_name, type: row.column_type });
    tables.set(row.table_name, table);
  }
  return [...tables.values()];
}

/**
 * Copies one table through each value's text form (what pg_dump does): exact for every type,
 * timestamps to the microsecond, json as written, bytea in hex. Reads with a cursor, writes in batches.
 */
async function copyTable(old: OldDatabase, target: pg.Client, table: Table): Promise<number> {
  const columns = table.columns.map((column) => quote(column.name)).join(', ');
  const asText = table.columns.map((column) => `${quote(column.name)}::text`).join(', ');
  const batchSize = Math.max(
    1,
    Math.min(rowsPerBatch, Math.floor(parametersPerBatch / table.columns.length)),
  );
  let copied = 0;
  await old.transaction(async (tx) => {
    await tx.query(`declare carry_over no scroll cursor for select ${asText} from ${quote(table.name)}`);
    for (;;) {
      const { rows } = await tx.query<(string | null)[]>(`fetch ${batchSize} from carry_over`, [], {
        rowMode: 'array',
      });
      if (rows.length === 0) break;
      const values = rows.map(
        (_, rowIndex) =>
          `(${table.columns
            .map(
              (column, columnIndex) =>
                `$${rowIndex * table.columns.length + columnIndex + 1}::${column.type}`,
            )
            .join(', ')})`,
      );
      await target.query(
        `insert into ${quote(table.name)} (${columns}) values ${values.join(', ')}`,
        rows.flat(),
      );
      copied += rows.length;
    }
    await tx.query('close carry_over');
  });
  return copied;
}

async function copySequences(old: OldDatabase, target: pg.Client) {
  const { rows } = await old.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text from pg_sequences where schemaname = 'public'`,
  );
  for (const sequence of rows) {
    if (sequence.last_value !== null) {
      await target.query('select setval($1::regclass, $2::bigint)', [
        quote(sequence.name),
        sequence.last_value,
      ]);
    }
  }
}

async function allTablesEmpty(target: pg.Client): Promise<boolean> {
  const { rows } = await target.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  for (const { name } of rows) {
    const { rowCount } = await target.query(`select 1 from ${quote(name)} limit 1`);
    if (rowCount) return false;
  }
  return true;
}

function keptName(dataDir: string): string {
  const date = new Date().toISOString().slice(0, 10);
  const base = path.join(dataDir, `${pgliteDirName}.carried-over-${date}`);
  if (!fs.existsSync(base)) return base;
  for (let n = 2; ; n++) if (!fs.existsSync(`${base}-${n}`)) return `${base}-${n}`;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
