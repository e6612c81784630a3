import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ServerAccount } from './postgres-binaries.js';

const run = promisify(execFile);

/**
 * Creates the server's data directory with initdb: UTF-8, password authentication (scram), a new
 * random password written to `passwordPath` (mode 0600) first. initdb works in a scratch directory
 * renamed into place at the end, so an initdb cut short leaves nothing that looks like a server.
 */
export async function initialiseCluster({
  dataDir,
  pgDir,
  passwordPath,
  initdb,
  account,
}: {
  dataDir: string;
  pgDir: string;
  passwordPath: string;
  initdb: string;
  account: ServerAccount;
}): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (account.uid !== undefined) letServerAccountIn(dataDir, account);
  const scratch = `${pgDir}.initialising`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(pgDir, { recursive: true, force: true }); // no PG_VERSION: an empty or half-made directory
  fs.mkdirSync(scratch, { mode: 0o700 });

  const password = randomBytes(24).toString('base64url');
  writePrivately(passwordPath, `${password}\n`);
  // initdb reads the password from a file it can open (it runs as the server's account).
  const passwordForInitdb = path.join(scratch, '..', `.initdb-password-${randomBytes(6).toString('hex')}`);
  writePrivately(passwordForInitdb, `${password}\n`);
  try {
    if (account.uid !== undefined) {
      fs.chownSync(scratch, account.uid, account.gid ?? -1);
      fs.chownSync(passwordForInitdb, account.uid, account.gid ?? -1);
    }
    await run(
      initdb,
      [
        `--pgdata=${scratch}`,
        `--username=postgres`,
        '--auth=scram-sha-256',
        `--pwfile=${passwordForInitdb}`,
        '--encoding=UTF8',
        `--locale=${bestLocale()}`,
        '--lc-messages=C',
        '--no-instructions',
      ],
      { ...account, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    const output = (error as { stderr?: string }).stderr ?? '';
    fs.rmSync(scratch, { recursive: true, force: true });
    throw new Error(
      `Could not create the embedded PostgreSQL in ${pgDir}: ${output || (error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    fs.rmSync(passwordForInitdb, { force: true });
  }
  fs.renameSync(scratch, pgDir);
}

function writePrivately(file: string, text: string) {
  const draft = `${file}.${process.pid}.draft`;
  fs.writeFileSync(draft, text, { mode: 0o600 });
  fs.renameSync(draft, file);
}

/**
 * A UTF-8 locale with plain byte-order sorting when the system has one (C.UTF-8 on Linux), so
 * sorting and text search treat every language's letters as letters; "C" otherwise.
 */
function bestLocale(): string {
  if (process.platform === 'win32') return 'C';
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split('\n')
        .map((name) => name.trim()),
    );
    return ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((name) => available.has(name)) ?? 'C';
  } catch {
    return 'C';
  }
}

/**
 * As root, the server runs as `postgres` and must be able to reach its directory: the data
 * directory is opened to its group for traversal only (no listing), and every directory above
 * must already let it through.
 */
function letServerAccountIn(dataDir: string, account: ServerAccount) {
  const stat = fs.statSync(dataDir);
  if (!canTraverse(stat, account)) {
    fs.chownSync(dataDir, stat.uid, account.gid ?? stat.gid);
    fs.chmodSync(dataDir, (stat.mode & 0o7777) | 0o010);
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (!canTraverse(fs.statSync(dir), account)) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" account (Switchboard runs as root), which cannot enter ${dir} ` +
          `on the way to ${dataDir}. Choose a DATA_DIR it can reach, run Switchboard as another user, or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function canTraverse(stat: fs.Stats, { uid, gid }: ServerAccount): boolean {
  if (stat.uid === uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}
