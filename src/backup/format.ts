/**
 * The backup file: gzip of JSON lines, one record a line, in this order: a header; per table a
 * `table` record followed by its `row` records; the `sequence` records; per file a `file` record
 * followed by its `chunk` records; last the `manifest`. A file without its manifest was cut short.
 */
export const backupFormat = 'switchboard-backup';
export const backupFormatVersion = 1;

/** Where the schema stood when the backup was taken: restore brings the target to exactly this first. */
export interface MigrationLevel {
  /** Drizzle migrations applied (the committed journal's first `count` entries). */
  readonly count: number;
  /** The `when` of the last one applied (drizzle's `created_at`), 0 when none. */
  readonly lastCreatedAt: number;
}

export interface HeaderRecord {
  readonly type: 'header';
  readonly format: typeof backupFormat;
  readonly format_version: number;
  readonly app_version: string;
  readonly created_at: string;
  readonly database_kind: 'embedded' | 'postgres';
  readonly migrations: MigrationLevel;
  /** DBOS's own schema version (its `dbos_migrations`), 0 when the durable engine never ran. */
  readonly dbos_migration_version: number;
}

export interface TableRecord {
  readonly type: 'table';
  readonly schema: string;
  readonly table: string;
  /** The stored columns (generated ones are computed again on restore). */
  readonly columns: string[];
}

/** One row as Postgres's `row_to_json` writes it: every value in its text form, read back by the same types. */
export interface RowRecord {
  readonly type: 'row';
  readonly row: Record<string, unknown>;
}

export interface SequenceRecord {
  readonly type: 'sequence';
  readonly schema: string;
  readonly sequence: string;
  readonly last_value: string;
  readonly is_called: boolean;
}

export interface FileRecord {
  readonly type: 'file';
  /** Relative to DATA_DIR, with forward slashes. */
  readonly path: string;
  readonly size: number;
}

/** Up to one MiB of the preceding file, base64. */
export interface ChunkRecord {
  readonly type: 'chunk';
  readonly data: string;
}

export interface ManifestRecord {
  readonly type: 'manifest';
  readonly tables: { schema: string; table: string; rows: number }[];
  readonly sequences: number;
  readonly files: { path: string; size: number; sha256: string }[];
}

export type BackupRecord =
  HeaderRecord | TableRecord | RowRecord | SequenceRecord | FileRecord | ChunkRecord | ManifestRecord;

export const fileChunkBytes = 1024 * 1024;

/** Schemas never copied: Postgres's own, and drizzle's migration journal (restore's migrations write it). */
export const skippedSchemas = ['pg_catalog', 'information_schema', 'pg_toast', 'drizzle'];

/** Tables written by migrations themselves, never copied. */
export const skippedTables = new Set(['dbos.dbos_migrations']);
