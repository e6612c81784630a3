import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import { freePort } from '../../net/free-port.js';
import { postgresAnswers } from '../postgres-answers.js';
import { initialiseCluster } from './initialise.js';
import { findPostgresBinaries, type ServerAccount, serverAccount } from './postgres-binaries.js';
import { isAlive, isPostgresOn, postmasterPidFile, readPostmaster, stopPostmaster } from './postmaster.js';

/** A PostgreSQL server Switchboard runs itself, on a data directory of its own. */
export interface EmbeddedServer {
  /** Where to connect, password included: never print it. */
  readonly url: string;
  /** The server's data directory. */
  readonly pgDir: string;
  /** Stops the server (a fast shutdown: sessions end, a checkpoint is written). */
  stop(): Promise<void>;
}

/** The database Switchboard's tables live in (DBOS adds its own beside it). */
export const embeddedDatabaseName = 'switchboard';
const superuser = 'postgres';

/** How long a start may take: after a crash, PostgreSQL replays its WAL before it answers. */
const startTimeoutMs = 300_000;

/**
 * Brings up the server in `<dataDir>/postgres`: creates it on the first start, adopts one a killed
 * Switchboard left running (it answers to our password), stops one that does not answer and starts
 * it again. It listens on a free port of 127.0.0.1 (no Unix socket), with the password kept in
 * `<dataDir>/postgres-password`. The caller holds the data directory's lock: nothing else of ours
 * touches this server meanwhile.
 */
export async function startEmbeddedServer({
  dataDir,
  logger,
}: {
  dataDir: string;
  logger: Logger;
}): Promise<EmbeddedServer> {
  const began = Date.now();
  const pgDir = path.join(dataDir, 'postgres');
  const passwordPath = path.join(dataDir, 'postgres-password');
  const binaries = await findPostgresBinaries();
  const account = await serverAccount();

  let how: 'created' | 'started' | 'adopted' = 'started';
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    await initialiseCluster({ dataDir, pgDir, passwordPath, initdb: binaries.initdb, account });
    how = 'created';
  }
  const password = readPassword(passwordPath, pgDir);
  const urlFor = (port: number, database: string) =>
    `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  let running = await adoptRunning(pgDir, (port) => urlFor(port, 'postgres'), logger);
  if (running) how = 'adopted';
  else running = await startServer({ pgDir, postgres: binaries.postgres, account, dataDir, urlFor });

  const { pid, port } = running;
  await ensureDatabase(urlFor(port, 'postgres'));
  logger.info(
    { location: pgDir, port, pid, how, ms: Date.now() - began },
    how === 'adopted'
      ? 'embedded PostgreSQL adopted (left running by a previous process)'
      : `embedded PostgreSQL ${how}`,
  );
  return {
    url: urlFor(port, embeddedDatabaseName),
    pgDir,
    stop: () => stopPostmaster(pid, pgDir),
  };
}

function readPassword(passwordPath: string, pgDir: string): string {
  try {
    return fs.readFileSync(passwordPath, 'utf8').trim();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} exists but its password file ${passwordPath} cannot be read. ` +
        `Restore that file, or move ${pgDir} away to start with an empty database.`,
      { cause: error },
    );
  }
}

/**
 * After a `kill -9` of Switchboard its server still runs (postmaster.pid names it). If it answers
 * to our password it is reused as it is; otherwise it is stopped, so a fresh start never meets a
 * busy data directory. A pid file naming some other program (pids are reused after a reboot) is
 * removed, since PostgreSQL would refuse to start over it.
 */
async function adoptRunning(
  pgDir: string,
  urlFor: (port: number) => string,
  logger: Logger,
): Promise<{ pid: number; port: number } | undefined> {
  const found = readPostmaster(pgDir);
  if (!found) return undefined;
  if (!isPostgresOn(found.pid, pgDir)) {
    if (isAlive(found.pid)) fs.rmSync(postmasterPidFile(pgDir), { force: true });
    return undefined;
  }
  if (found.status === 'ready' && (await postgresAnswers(urlFor(found.port)))) return found;
  logger.warn(
    { pid: found.pid, status: found.status },
    'stopping an embedded PostgreSQL that does not answer',
  );
  await stopPostmaster(found.pid, pgDir);
  return undefined;
}

async function startServer({
  pgDir,
  postgres,
  account,
  dataDir,
  urlFor,
}: {
  pgDir: string;
  postgres: string;
  account: ServerAccount;
  dataDir: string;
  urlFor: (port: number, database: string) => string;
}): Promise<{ pid: number; port: number }> {
  const logPath = path.join(dataDir, 'postgres.log');
  // A port found free can be taken before the server binds it: then another one is tried.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logStart = fs.statSync(logPath, { throwIfNoEntry: false })?.size ?? 0;
    const log = fs.openSync(logPath, 'a', 0o600);
    // Detached: its own process group, so a Ctrl-C meant for Switchboard does not stop the database
    // under the app's graceful shutdown; the app stops it last. Output goes to a file, not a pipe,
    // so the server outlives us cleanly if we are killed.
    const child = spawn(
      postgres,
      [
        '-D',
        pgDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=on',
      ],
      { ...account, detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    fs.closeSync(log);
    child.unref();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const pid = child.pid;
    if (pid !== undefined && (await becomesReady({ pid, pgDir, exited, url: urlFor(port, 'postgres') }))) {
      return { pid, port };
    }
    const output = readFrom(logPath, logStart);
    if (attempt < 3 && output.includes('could not bind')) continue;
    if (pid !== undefined && isAlive(pid)) await stopPostmaster(pid, pgDir);
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} did not start. Its log (${logPath}) says:\n${output}`,
    );
  }
}

async function becomesReady({
  pid,
  pgDir,
  exited,
  url,
}: {
  pid: number;
  pgDir: string;
  exited: Promise<void>;
  url: string;
}): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + startTimeoutMs;
  while (!gone && Date.now() < deadline) {
    const postmaster = readPostmaster(pgDir);
    if (postmaster?.pid === pid && postmaster.status === 'ready') return postgresAnswers(url);
    await sleep(10);
  }
  return false;
}

/** Creates Switchboard's database the first time (or after a crash between initdb and here). */
async function ensureDatabase(maintenanceUrl: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      embeddedDatabaseName,
    ]);
    if (rowCount === 0) await client.query(`create database ${embeddedDatabaseName}`);
  } finally {
    await client.end();
  }
}

function readFrom(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8').trim().split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
