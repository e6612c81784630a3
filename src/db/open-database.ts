import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatabaseHandle } from './database.js';
import { openEmbeddedDatabase } from './open-embedded.js';
import { openPostgresDatabase } from './open-postgres.js';

/**
 * Opens the configured database: Postgres when DATABASE_URL is set, otherwise the embedded server
 * in DATA_DIR. `command` names this process in the embedded lock ("switchboard serve").
 */
export function openDatabase({
  config,
  logger,
  command,
}: {
  config: Config;
  logger: Logger;
  command: string;
}): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgresDatabase({ url: config.databaseUrl, logger })
    : openEmbeddedDatabase({ dataDir: config.dataDir, command, logger });
}
