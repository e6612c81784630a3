import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { InvalidBackupError } from './errors.js';
import {
  backupFormat,
  backupFormatVersion,
  type BackupRecord,
  type HeaderRecord,
  type ManifestRecord,
} from './format.js';

/** The records of a backup file, in order. */
export async function* readRecords(file: string): AsyncGenerator<BackupRecord> {
  const lines = createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) {
      if (line) yield JSON.parse(line) as BackupRecord;
    }
  } catch (error) {
    if (error instanceof InvalidBackupError) throw error;
    throw new InvalidBackupError(`${file} is not a readable backup: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Reads the whole file once and checks it against its own manifest: the header, every table's row
 * count, every file's size and sha256, and the manifest at the end (a file cut short has none).
 * Restore calls this before touching the target.
 */
export async function verifyBackup(
  file: string,
): Promise<{ header: HeaderRecord; manifest: ManifestRecord }> {
  let header: HeaderRecord | undefined;
  let manifest: ManifestRecord | undefined;
  const counted: ManifestRecord['tables'] = [];
  const files: ManifestRecord['files'] = [];
  let hash: ReturnType<typeof createHash> | undefined;
  let current: { path: string; size: number } | undefined;
  const closeFile = () => {
    if (current && hash) files.push({ ...current, sha256: hash.digest('hex') });
    current = undefined;
    hash = undefined;
  };
  for await (const record of readRecords(file)) {
    if (!header) {
      if (record.type !== 'header' || record.format !== backupFormat) {
        throw new InvalidBackupError(`${file} is not a Switchboard backup.`);
      }
      if (record.format_version > backupFormatVersion) {
        throw new InvalidBackupError(
          `${file} was written by a newer Switchboard (backup format ${record.format_version}): restore it with that version or a newer one.`,
        );
      }
      header = record;
      continue;
    }
    if (manifest) throw new InvalidBackupError(`${file} has records after its manifest.`);
    switch (record.type) {
      case 'table':
        counted.push({ schema: record.schema, table: record.table, rows: 0 });
        break;
      case 'row': {
        const table = counted.at(-1);
        if (!table) throw new InvalidBackupError(`${file} has a row before any table.`);
        table.rows += 1;
        break;
      }
      case 'file':
        closeFile();
        current = { path: record.path, size: 0 };
        hash = createHash('sha256');
        break;
      case 'chunk': {
        if (!current || !hash) throw new InvalidBackupError(`${file} has file content before any file.`);
        const bytes = Buffer.from(record.data, 'base64');
        hash.update(bytes);
        current.size += bytes.length;
        break;
      }
      case 'manifest':
        closeFile();
        manifest = record;
        break;
      default:
        break;
    }
  }
  if (!header) throw new InvalidBackupError(`${file} is empty.`);
  if (!manifest) throw new InvalidBackupError(`${file} is cut short: its manifest is missing.`);
  if (JSON.stringify(counted) !== JSON.stringify(manifest.tables)) {
    throw new InvalidBackupError(`${file} does not hold the rows its manifest lists.`);
  }
  if (JSON.stringify(files) !== JSON.stringify(manifest.files)) {
    throw new InvalidBackupError(
      `${file} does not hold the files its manifest lists (size or sha256 differ).`,
    );
  }
  return { header, manifest };
}
