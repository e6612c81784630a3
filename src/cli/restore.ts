import fs from 'node:fs';
import { restoreBackup } from '../backup/restore-backup.js';
import { openDatabase } from '../db/open-database.js';
import { type CommandContext, UsageError } from './command.js';
import { exitCodes } from './exit-codes.js';

/**
 * `switchboard restore FILE [--force]`: into DATABASE_URL, or the embedded server in DATA_DIR
 * (created when the directory is new; refused while a server runs on it).
 */
export async function restoreCommand({ config, logger, args }: CommandContext): Promise<number> {
  const [file, ...extra] = args.rest;
  if (!file || extra.length > 0)
    throw new UsageError('restore takes one backup file: switchboard restore FILE.');
  if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`);
  const database = await openDatabase({ config, logger, command: 'switchboard restore' });
  try {
    const { header, manifest } = await restoreBackup({
      url: database.url,
      dataDir: config.dataDir,
      file,
      force: args.force,
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `Restored ${file} (taken ${header.created_at} by Switchboard ${header.app_version}) into ${database.location}: ` +
        `${rows} rows, ${manifest.files.length} files.\n`,
    );
  } finally {
    await database.close();
  }
  return exitCodes.ok;
}
