import path from 'node:path';
import type { Config } from '../config.js';
import type { MigrateOptions } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import { version } from '../version.js';
import { backupsDirName } from './data-dir-files.js';
import { databaseMigrationLevel, pendingMigrationCount } from './migration-level.js';
import { writeBackup } from './write-backup.js';

/**
 * The hook `migrate` runs under its lock: when this version brings migrations to a database that
 * already has a schema (an upgrade, not a first start), it first writes a backup to
 * `DATA_DIR/backups/`, the file a rollback restores with the previous version. Off with
 * BACKUP_BEFORE_MIGRATE=false. A failed backup stops the start: nothing was migrated.
 */
export function backupBeforeUpgrade({
  config,
  kind,
  logger,
}: {
  config: Config;
  kind: 'embedded' | 'postgres';
  logger: Logger;
}): MigrateOptions {
  if (!config.backupBeforeMigrate) return {};
  return {
    beforeMigrating: async (connection) => {
      const level = await databaseMigrationLevel(connection);
      const pending = pendingMigrationCount(level);
      if (level.count === 0 || pending === 0) return;
      const stamp = new Date()
        .toISOString()
        .replaceAll(':', '-')
        .replace(/\.\d+Z$/, 'Z');
      const outFile = path.join(config.dataDir, backupsDirName, `before-${version}-${stamp}.jsonl.gz`);
      const began = Date.now();
      const manifest = await writeBackup({
        client: connection,
        dataDir: config.dataDir,
        outFile,
        databaseKind: kind,
      });
      logger.info(
        {
          file: outFile,
          from_migration: level.count,
          pending,
          rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
          ms: Date.now() - began,
        },
        `backed up the database before applying ${pending} migrations: restore ${outFile} with the previous version to roll back`,
      );
    },
  };
}
