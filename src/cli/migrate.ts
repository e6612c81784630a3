import { backupBeforeUpgrade } from '../backup/before-upgrade.js';
import type { Config } from '../config.js';
import { DataDirectoryLockedError } from '../db/data-dir-lock.js';
import { openDatabase } from '../db/open-database.js';
import type { Logger } from '../logger.js';
import { exitCodes } from './exit-codes.js';

/** `switchboard migrate`: applies pending migrations and exits. The server also does this at start. */
export async function migrateCommand({
  config,
  logger,
}: {
  config: Config;
  logger: Logger;
}): Promise<number> {
  const database = await openDatabase({ config, logger, command: 'switchboard migrate' }).catch(
    (error: unknown) => {
      if (error instanceof DataDirectoryLockedError && error.holder.command === 'switchboard serve') {
        error.message += ' (A running server applies migrations when it starts: restart it to migrate.)';
      }
      throw error;
    },
  );
  try {
    await database.migrate(backupBeforeUpgrade({ config, kind: database.kind, logger }));
  } finally {
    await database.close();
  }
  process.stdout.write(`The database at ${database.location} is up to date.\n`);
  return exitCodes.ok;
}
