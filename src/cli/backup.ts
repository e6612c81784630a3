import { connectClient, openBackupSource } from '../backup/open-source.js';
import { writeBackup } from '../backup/write-backup.js';
import { type CommandContext, required } from './command.js';
import { exitCodes } from './exit-codes.js';

/** `switchboard backup --out FILE`: a consistent snapshot of the database and DATA_DIR's user files. */
export async function backupCommand({ config, logger, args }: CommandContext): Promise<number> {
  const outFile = required(args, 'out');
  const source = await openBackupSource({ config, logger });
  try {
    const client = await connectClient(source.url);
    try {
      const manifest = await writeBackup({
        client,
        dataDir: config.dataDir,
        outFile,
        databaseKind: source.kind,
      });
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `Wrote ${outFile}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files.\n`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await source.close();
  }
  return exitCodes.ok;
}
