import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { DataDirectoryLockedError } from '../db/data-dir-lock.js';
import { embeddedDatabaseName } from '../db/embedded/embedded-server.js';
import { readPostmaster } from '../db/embedded/postmaster.js';
import { openEmbeddedDatabase } from '../db/open-embedded.js';
import type { Logger } from '../logger.js';

export interface BackupSource {
  readonly kind: 'embedded' | 'postgres';
  /** The connection URL, password included: never print it. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The database to back up: DATABASE_URL; else the embedded server in DATA_DIR, started for the
 * backup when nothing runs on it, or, when `switchboard serve` holds it, the running server itself
 * (read through its port and password: a read-only snapshot beside the live server is safe).
 */
export async function openBackupSource({
  config,
  logger,
}: {
  config: Config;
  logger: Logger;
}): Promise<BackupSource> {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl, close: async () => {} };
  try {
    const database = await openEmbeddedDatabase({
      dataDir: config.dataDir,
      command: 'switchboard backup',
      logger,
    });
    return { kind: 'embedded', url: database.url, close: () => database.close() };
  } catch (error) {
    const url = error instanceof DataDirectoryLockedError ? runningServerUrl(config.dataDir) : undefined;
    if (!url) throw error;
    return { kind: 'embedded', url, close: async () => {} };
  }
}

/** The address of the embedded server a running Switchboard started, when it is up. */
function runningServerUrl(dataDir: string): string | undefined {
  const running = readPostmaster(path.join(dataDir, 'postgres'));
  if (!running || running.status !== 'ready') return undefined;
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${embeddedDatabaseName}`;
}

/** Connects one client, for a backup's single transaction. */
export async function connectClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}
